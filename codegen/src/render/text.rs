//! Catalog text inside Markdown (the docs, and rustdoc comments, which are Markdown too).
//!
//! Catalog text is data: it must show as written, never turn into HTML, links or emphasis.
//! Code spans the text writes itself (`` `actionRequired` ``) are kept, since descriptions use
//! them on purpose.

/// Escapes Markdown syntax in `text`, outside the code spans it contains.
pub fn markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|&&c| c == '`').count();
            // A code span closes at the next run of exactly as many backticks.
            if let Some(end) = closing_run(&chars, i + run, run) {
                out.extend(&chars[i..end + run]);
                i = end + run;
            } else {
                out.extend(std::iter::repeat_n("\\`", run));
                i += run;
            }
            continue;
        }
        match chars[i] {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c @ ('\\' | '*' | '[' | ']') => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

fn closing_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let len = chars[j..].iter().take_while(|&&c| c == '`').count();
            if len == run {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

/// A code span that shows `text` exactly, whatever backticks it holds.
pub fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space keeps a leading or trailing backtick from joining the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text on one line (headings, list items): line breaks become spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a string literal of JSON, which Python and JavaScript read as the same string
/// (U+2028 and U+2029 included, since ES2019).
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Ends `text` with a full stop unless it already ends a sentence (or is empty).
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Items joined as prose: `a`, `a and b`, `a, b and c`.
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_links_and_emphasis_are_escaped() {
        assert_eq!(markdown("<b>bold</b> & [link](x) *em*"), "&lt;b&gt;bold&lt;/b&gt; &amp; \\[link\\](x) \\*em\\*");
        assert_eq!(markdown(r"back\slash"), r"back\\slash");
    }

    #[test]
    fn code_spans_in_the_text_are_kept() {
        assert_eq!(markdown("the `<T>` field"), "the `<T>` field");
        assert_eq!(markdown("``a ` b`` <x>"), "``a ` b`` &lt;x&gt;");
        assert_eq!(markdown("a lone ` tick <"), "a lone \\` tick &lt;");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
    }

    #[test]
    fn one_line_folds_breaks() {
        assert_eq!(one_line("a\nb  c\r\n"), "a b c");
    }
}
