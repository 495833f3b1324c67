//! Bodies written as outlines rather than JSON, as some pages write them: types in place of
//! values (`{"type": String, "http": Integer}`, TypeScript's `{ code: string; details?: Detail[] }`)
//! and the values a member may take, one or another (`"code": "missing_fields" | "not_found"`).
//!
//! (A small reader of its own: JSON5 readers take neither the bare types nor the `|`.)

use serde_json::Value;

/// A member of an outlined object.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineMember {
    pub name: String,
    /// Marked as sent only sometimes (`details?: ...`).
    pub optional: bool,
    /// What it holds: one thing, or the alternatives written with `|`.
    pub value: Vec<Outlined>,
    /// What a comment says of it: one on the lines before it (`/** A summary. */`), or after it
    /// on its line (`status: int; // the HTTP status`).
    pub description: Option<String>,
}

/// One thing an outline says a member holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Outlined {
    Object(Vec<OutlineMember>),
    /// A list, of what its one element outlines (`Detail[]`, `[{...}]`).
    List(Box<Outlined>),
    /// A value as written (`"not_found"`, `404`, `true`).
    Literal(Value),
    /// A type's name, as written (`String`, `integer`, `Detail`).
    Type(String),
}

impl Outlined {
    /// The members of an object.
    pub fn members(&self) -> &[OutlineMember] {
        match self {
            Outlined::Object(members) => members,
            _ => &[],
        }
    }
}

/// The object a block outlines, where it is one: it reads as one outlined object and says
/// something JSON cannot (a type in place of a value, or alternatives). A block may declare it
/// as TypeScript does (`type APIError = {...}`, `interface ErrorResponse {...}`), with more
/// declarations after it that it names (`errors: Error[]`): the first, those names read as the
/// objects they declare.
pub fn outline(text: &str) -> Option<Outlined> {
    let mut reader = Reader { text: text.as_bytes(), at: 0, comments: Vec::new() };
    let mut declared: Vec<(String, Outlined)> = Vec::new();
    let object = loop {
        match reader.declaration() {
            Some(Some(declaration)) => declared.push(declaration),
            Some(None) if declared.is_empty() => break reader.value()?,
            Some(None) => break declared.remove(0).1,
            None => return None,
        }
    };
    reader.space();
    let whole = reader.at == reader.text.len();
    let object = resolved(object, &declared, 0);
    (whole && matches!(object, Outlined::Object(_)) && says_more_than_json(&object)).then_some(object)
}

/// `outlined` with the names of declared objects read as those objects, to a few levels (a
/// declaration may name itself).
fn resolved(outlined: Outlined, declared: &[(String, Outlined)], depth: usize) -> Outlined {
    match outlined {
        Outlined::Type(name) if depth < 4 => match declared.iter().find(|(declared, _)| *declared == name) {
            Some((_, object)) => resolved(object.clone(), declared, depth + 1),
            None => Outlined::Type(name),
        },
        Outlined::Object(members) => Outlined::Object(
            members
                .into_iter()
                .map(|member| OutlineMember {
                    value: member.value.into_iter().map(|v| resolved(v, declared, depth)).collect(),
                    ..member
                })
                .collect(),
        ),
        Outlined::List(element) => Outlined::List(Box::new(resolved(*element, declared, depth))),
        other => other,
    }
}

/// Whether an outline holds a type in place of a value, or alternatives.
fn says_more_than_json(outlined: &Outlined) -> bool {
    match outlined {
        Outlined::Object(members) => {
            members.iter().any(|m| m.value.len() > 1 || m.value.iter().any(says_more_than_json))
        }
        Outlined::List(element) => says_more_than_json(element),
        Outlined::Type(_) => true,
        Outlined::Literal(_) => false,
    }
}

struct Reader<'t> {
    text: &'t [u8],
    at: usize,
    /// The comments passed over since they were last taken, each with whether it starts on the
    /// line of what came before it.
    comments: Vec<(String, bool)>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Past white space and comments (`//` to the line's end, `/* ... */`).
    fn space(&mut self) {
        let mut same_line = true;
        loop {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                same_line &= self.peek() != Some(b'\n');
                self.at += 1;
            }
            let rest = &self.text[self.at..];
            let length = if rest.starts_with(b"//") {
                rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())
            } else if rest.starts_with(b"/*") {
                rest.windows(2).position(|w| w == b"*/").map_or(rest.len(), |end| end + 2)
            } else {
                return;
            };
            let comment = String::from_utf8_lossy(&rest[..length]);
            let said =
                comment.trim_start_matches('/').trim_start_matches('*').trim_end_matches('/').trim_end_matches('*');
            let said =
                said.lines().map(|line| line.trim().trim_start_matches('*').trim()).collect::<Vec<_>>().join(" ");
            self.comments.push((said.trim().to_string(), same_line));
            self.at += length;
            same_line = false;
        }
    }

    /// `byte` next (after space), taken.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    /// A TypeScript declaration next (`export interface Name {...}`, `type Name = {...};`), read:
    /// its name and object; `Some(None)` where none is next (the reader left in place), `None`
    /// where one is, written in a way this reader does not take.
    fn declaration(&mut self) -> Option<Option<(String, Outlined)>> {
        self.space();
        let start = self.at;
        let mut word = self.word().unwrap_or_default();
        if word == "export" {
            word = self.word().unwrap_or_default();
        }
        if word != "interface" && word != "type" {
            self.at = start;
            return Some(None);
        }
        let name = self.word()?;
        if word == "type" {
            self.eat(b'=').then_some(())?;
        }
        self.space();
        (self.peek() == Some(b'{')).then_some(())?;
        let object = self.object()?;
        self.eat(b';');
        Some(Some((name, object)))
    }

    /// One thing or several joined by `|`.
    fn alternatives(&mut self) -> Option<Vec<Outlined>> {
        let mut alternatives = vec![self.value()?];
        while self.eat(b'|') {
            alternatives.push(self.value()?);
        }
        Some(alternatives)
    }

    fn value(&mut self) -> Option<Outlined> {
        self.space();
        let value = match self.peek()? {
            b'{' => self.object()?,
            b'[' => {
                self.at += 1;
                // (An empty list says nothing of its elements, as JSON's does not.)
                let element = if self.eat(b']') { Outlined::Literal(Value::Null) } else { self.list_rest()? };
                Outlined::List(Box::new(element))
            }
            b'"' | b'\'' => Outlined::Literal(Value::String(self.string()?)),
            b'-' | b'0'..=b'9' => Outlined::Literal(self.number()?),
            _ => {
                let word = self.word()?;
                match word.as_str() {
                    "true" | "false" => Outlined::Literal(Value::Bool(word == "true")),
                    "null" => Outlined::Literal(Value::Null),
                    _ => Outlined::Type(word),
                }
            }
        };
        // (`Detail[]`: a list of them.)
        let mut value = value;
        while self.text[self.at..].starts_with(b"[]") {
            self.at += 2;
            value = Outlined::List(Box::new(value));
        }
        Some(value)
    }

    /// A list's elements after its `[`, to its `]` (an ellipsis among them): what the first
    /// outlines.
    fn list_rest(&mut self) -> Option<Outlined> {
        let first = self.alternatives()?.into_iter().next()?;
        loop {
            if self.eat(b']') {
                return Some(first);
            }
            if !self.eat(b',') && !self.ellipsis() {
                return None;
            }
            if !self.ellipsis() && self.peek_after_space() != Some(b']') {
                self.alternatives()?;
            }
        }
    }

    /// The next byte after space, left in place.
    fn peek_after_space(&mut self) -> Option<u8> {
        self.space();
        self.peek()
    }

    /// An ellipsis (`...`) next, taken.
    fn ellipsis(&mut self) -> bool {
        self.space();
        let found = self.text[self.at..].starts_with(b"...");
        self.at += if found { 3 } else { 0 };
        found
    }

    fn object(&mut self) -> Option<Outlined> {
        self.eat(b'{');
        let mut members: Vec<OutlineMember> = Vec::new();
        loop {
            self.space();
            // (A comment on the line of the member before is that member's; the others are the
            // next one's.)
            let mut before = None;
            for (said, same_line) in std::mem::take(&mut self.comments) {
                match members.last_mut() {
                    Some(OutlineMember { description: description @ None, .. }) if same_line => {
                        *description = Some(said).filter(|said| !said.is_empty());
                    }
                    _ => before = Some(said).filter(|said| !said.is_empty()).or(before),
                }
            }
            if self.eat(b'}') {
                return Some(Outlined::Object(members));
            }
            if self.ellipsis() {
                continue;
            }
            let name = match self.peek()? {
                b'"' | b'\'' => self.string()?,
                _ => self.word()?,
            };
            let optional = self.eat(b'?');
            self.eat(b':').then_some(())?;
            let value = self.alternatives()?;
            members.push(OutlineMember { name, optional, value, description: before });
            // (Members apart by commas, or by semicolons as TypeScript writes them; a comment
            // after the last one is its.)
            if !self.eat(b',') && !self.eat(b';') {
                self.space();
                let after = std::mem::take(&mut self.comments).into_iter().find(|(_, same_line)| *same_line);
                if let (Some(last), Some((said, _))) = (members.last_mut(), after) {
                    last.description = last.description.take().or(Some(said).filter(|said| !said.is_empty()));
                }
                self.eat(b'}').then_some(())?;
                return Some(Outlined::Object(members));
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        let quote = self.peek()?;
        let start = self.at;
        self.at += 1;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                _ if b == quote => {
                    let inner = std::str::from_utf8(&self.text[start + 1..self.at - 1]).ok()?;
                    return match quote {
                        b'"' => serde_json::from_str(&format!("\"{inner}\"")).ok(),
                        _ => Some(inner.replace("\\'", "'")),
                    };
                }
                _ => {}
            }
        }
        None
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit() || b"-+.eE".contains(&b)) {
            self.at += 1;
        }
        serde_json::from_str(std::str::from_utf8(&self.text[start..self.at]).ok()?).ok()
    }

    /// A name: letters, digits, `_`, `$`, `.` and `-` after the first.
    fn word(&mut self) -> Option<String> {
        self.space();
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b"_$.-".contains(&b)) {
            self.at += 1;
        }
        let word = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        (!word.is_empty() && !word.starts_with(|c: char| c.is_ascii_digit())).then(|| word.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::{outline, OutlineMember, Outlined};
    use serde_json::json;

    fn member(name: &str, optional: bool, value: Vec<Outlined>) -> OutlineMember {
        OutlineMember { name: name.into(), optional, value, description: None }
    }

    #[test]
    fn types_in_place_of_values() {
        let read = outline(r#"{"type": String, "http": Integer}"#).unwrap();
        let typed = |word: &str| vec![Outlined::Type(word.into())];
        assert_eq!(read.members(), [member("type", false, typed("String")), member("http", false, typed("Integer"))]);
    }

    #[test]
    fn alternatives_of_values() {
        let read = outline(r#"{"type": "invalid", "http": 400 | 404, "code": "a" | 'b'}"#).unwrap();
        let literal = |value| Outlined::Literal(value);
        assert_eq!(read.members()[1].value, [literal(json!(400)), literal(json!(404))]);
        assert_eq!(read.members()[2].value, [literal(json!("a")), literal(json!("b"))]);
    }

    #[test]
    fn a_typescript_interface() {
        let text = "{\n  error: {\n    code: string; // the code\n    details?: Detail[];\n  }\n}";
        let read = outline(text).unwrap();
        let error = &read.members()[0].value[0];
        let list = Outlined::List(Box::new(Outlined::Type("Detail".into())));
        assert_eq!(error.members()[1], member("details", true, vec![list]));
    }

    #[test]
    fn a_list_outlines_its_elements() {
        let read = outline("{ errors: [ { code: string }, ... ], tags: [string, string,] }").unwrap();
        let element = Outlined::Object(vec![member("code", false, vec![Outlined::Type("string".into())])]);
        assert_eq!(read.members()[0].value, [Outlined::List(Box::new(element))]);
        assert_eq!(read.members()[1].value, [Outlined::List(Box::new(Outlined::Type("string".into())))]);
    }

    #[test]
    fn typescript_declarations_name_one_another() {
        let text = "export interface ErrorResponse {\n  errors: Error[];\n}\ninterface Error {\n  code: string;\n}\n";
        let read = outline(text).unwrap();
        let element = Outlined::Object(vec![member("code", false, vec![Outlined::Type("string".into())])]);
        assert_eq!(read.members(), [member("errors", false, vec![Outlined::List(Box::new(element))])]);
        let typed = outline("type APIError = {\n  status: int; // the status\n  /** Ours. */\n  code?: string;\n  message: string // last\n};").unwrap();
        let said: Vec<Option<&str>> = typed.members().iter().map(|m| m.description.as_deref()).collect();
        assert_eq!(said, [Some("the status"), Some("Ours."), Some("last")]);
        assert_eq!(outline("interface Broken { code: string"), None);
    }

    #[test]
    fn json_alone_is_no_outline() {
        assert_eq!(outline(r#"{"code": "a", "n": [1, 2], "none": []}"#), None, "says nothing JSON cannot");
        assert_eq!(outline("{ code: string } and more"), None, "text after it");
        assert_eq!(outline("{ code: string"), None, "not closed");
        assert_eq!(outline("string"), None, "no object");
    }
}
