//! Reading the catalog: every `*.yaml` file of a directory is one API. The only I/O in codegen.
//!
//! The loader reads only what it can stand behind: regular files (not FIFOs or devices, even
//! behind a symlink), at most [`MAX_FILE_BYTES`] each, in UTF-8, one YAML document each, no
//! deeper than [`MAX_DEPTH`], without bidirectional control characters. Files whose names
//! start with `.` (editor backups, temporary files) are skipped. Every refusal says where.

use crate::diagnostic::{is_bidi_control, Code, Diagnostic, Position};
use crate::model::Api;
use crate::source_map::SourceMap;
pub use crate::source_map::MAX_DEPTH;
use std::io::Read;
use std::path::Path;

/// Catalog files larger than this are refused: the real ones are under 100 KB, and a parser
/// fed tens of megabytes takes gigabytes of memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One parsed catalog file.
#[derive(Debug, Clone)]
pub struct LoadedApi {
    pub api: Api,
    /// The file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    pub source_map: SourceMap,
}

/// The parsed files of a catalog directory, sorted by API id.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The directory as the user knows it, e.g. `spec`.
    pub dir: String,
    pub apis: Vec<LoadedApi>,
}

/// Parses one API file. `file` is the name shown in diagnostics.
pub fn parse_api(file: &str, text: &str) -> Result<LoadedApi, Vec<Diagnostic>> {
    let source_map = SourceMap::build(text);
    let controls = forbidden_controls(file, text, &source_map);
    if !controls.is_empty() {
        return Err(controls);
    }
    let mut bidi = bidi_controls(file, text, &source_map);
    if bidi.is_empty() {
        // Written as escapes, they reach the values all the same.
        bidi = escaped_bidi_controls(file, &source_map);
    }
    if !bidi.is_empty() {
        return Err(bidi);
    }
    if let Some(position) = source_map.too_deep {
        let message = format!("collections are nested deeper than {MAX_DEPTH} levels");
        let diagnostic = Diagnostic::in_file(Code::TooDeep, file, message)
            .with_help("a catalog needs about ten levels; flatten the structure")
            .at_position(&source_map, position);
        return Err(vec![diagnostic]);
    }
    let parsed = serde_yaml::from_str::<Api>(text);
    if let (Ok(_), Some(position)) = (&parsed, source_map.syntax_error) {
        // The position reader stopped where serde_yaml read on: the two YAML readers disagree
        // on the text there, and what follows would have no position to show. Refused at that
        // place rather than accepted with diagnostics that cannot say where.
        let diagnostic = Diagnostic::in_file(Code::ReadersDisagree, file, "YAML readers disagree on the text here")
            .with_help(
                "quote the value: a plain value that runs over lines, and starts a line with a character YAML \
                 reserves (a backtick, say), reads differently in different parsers",
            )
            .at_position(&source_map, position);
        return Err(vec![diagnostic]);
    }
    match parsed {
        Ok(api) => Ok(LoadedApi { api, file: file.to_string(), source_map }),
        Err(err) => {
            // The file read as plain YAML, only once the catalog did not parse: a catalog that
            // parses is read once.
            let tree = serde_yaml::from_str::<serde_yaml::Value>(text);
            if matches!(tree, Ok(serde_yaml::Value::Null)) {
                let diagnostic =
                    Diagnostic::in_file(Code::Parse, file, "the file holds no catalog: it is empty, or only comments")
                        .with_help(
                            "start from the catalog closest to the API's shape (docs/catalog-format.md), or remove \
                             the file",
                        )
                        .or_at_start(&source_map);
                return Err(vec![diagnostic]);
            }
            let first = parse_error(file, &err, &source_map);
            let mut errors = vec![first];
            // serde stops at the first error; where the YAML itself parses, find the others too.
            // Where it does not, the first error may be one of content before the syntax error:
            // the syntax error is said too, or fixing the first would only reveal it.
            if let Err(syntax) = &tree {
                let syntax = parse_error(file, syntax, &source_map);
                if !errors.iter().any(|d| d.message == syntax.message && d.position == syntax.position) {
                    errors.push(
                        syntax.with_help("fix the YAML syntax here: the rest of the file is read once it parses"),
                    );
                }
            }
            if let Ok(tree) = tree {
                for (path, message) in crate::every_error::every_error::<Api>(tree) {
                    let seen = |d: &Diagnostic| {
                        d.message == message
                            && d.path.as_deref().is_none_or(|p| path.starts_with(p) || p.starts_with(&path))
                    };
                    if errors.iter().any(seen) {
                        continue;
                    }
                    let help = help_for(&message);
                    let mut diagnostic = Diagnostic::at_path(Code::Parse, file, path, message).with_help(help);
                    diagnostic = diagnostic.located(&source_map).or_at_start(&source_map);
                    errors.push(diagnostic);
                }
            }
            Err(errors)
        }
    }
}

/// Keys of earlier versions of the catalog format: the key, what replaced it, and what that holds.
const RENAMED_KEYS: &[(&str, &str, &str)] =
    &[("retry_rules", "recovery", "`rules` and a `fallback`: see docs/recovery.md")];

/// Help for one of serde's messages, naming what the catalog accepts there.
fn help_for(message: &str) -> String {
    let quoted = |text: &str| text.split('`').nth(1).map(str::to_string);
    if let (true, Some(name)) = (message.starts_with("unknown field"), quoted(message)) {
        if let Some((_, now, what)) = RENAMED_KEYS.iter().find(|(old, ..)| *old == name) {
            return format!("`{name}` is now `{now}` ({what})");
        }
        let accepted: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
        if let Some(close) = closest(&name, &accepted) {
            return format!("did you mean `{close}`? (a misspelt key is an error, not an ignored fact)");
        }
        return "remove the key, or move it to where the catalog format has it (spec/catalog.schema.json)".into();
    }
    if let (true, Some(name)) = (message.starts_with("missing field"), quoted(message)) {
        return format!("add `{name}:`; spec/catalog.schema.json describes what it holds");
    }
    if let (true, Some(name)) = (message.starts_with("unknown variant"), quoted(message)) {
        let accepted: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
        if let Some(close) = closest(&name, &accepted) {
            return format!("did you mean `{close}`?");
        }
    }
    if let Some((_, expected)) = message.split_once(", expected ").filter(|_| message.starts_with("invalid type")) {
        let form = match expected {
            "u16" | "u32" | "u64" | "i64" | "usize" => "a whole number, without quotes (e.g. `429`)",
            "a boolean" => "`true` or `false`, without quotes",
            "a string" => "text (quote it if YAML would read it as something else: `\"yes\"`, `\"1.0\"`)",
            "a sequence" => "a list: `[a, b]`, or one `- item` a line",
            _ => "the form the catalog schema gives for this key (spec/catalog.schema.json)",
        };
        return format!("write {form}");
    }
    "see the catalog format in docs/catalog-format.md and spec/catalog.schema.json".into()
}

/// The accepted word nearest a misspelt or shortened one, if near enough to be what was meant.
fn closest<'a>(word: &str, accepted: &[&'a str]) -> Option<&'a str> {
    // A shortened word (`int`, `give_up_now`) first: its distance can be large.
    let shortened = accepted
        .iter()
        .filter(|candidate| word.len() >= 3 && (candidate.starts_with(word) || word.starts_with(**candidate)))
        .min_by_key(|candidate| candidate.len().abs_diff(word.len()));
    shortened.copied().or_else(|| {
        accepted
            .iter()
            .map(|candidate| (strsim::damerau_levenshtein(word, candidate), *candidate))
            .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4) && *distance < candidate.len())
            .min()
            .map(|(_, candidate)| candidate)
    })
}

/// serde_yaml's error, split into catalog path and message, at its position or (for the errors
/// it gives none) at the place the source map found.
fn parse_error(file: &str, err: &serde_yaml::Error, source_map: &SourceMap) -> Diagnostic {
    let mut message = err.to_string();
    // The position goes in the location; drop the copy serde_yaml writes into the message (at
    // its end, or before what it was parsing: "..., at line 6 column 1, while parsing ...").
    while let Some(start) = message.rfind(" at line ") {
        let rest = &message[start + " at line ".len()..];
        let digits = |text: &str| text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let line = digits(rest);
        let end = match rest[line..].strip_prefix(" column ") {
            Some(column) => start + " at line ".len() + line + " column ".len() + digits(column),
            None => start + " at line ".len() + line,
        };
        message.replace_range(start..end, "");
    }
    // serde_yaml writes "path.to[0]: what is wrong"; keep the two apart.
    let path = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(char::is_whitespace) && !rest.is_empty() => {
            let path = path.to_string();
            message = rest.to_string();
            Some(path)
        }
        _ => None,
    };
    let parse_help = help_for(&message);
    let mut help = parse_help.as_str();
    let position = match err.location() {
        Some(at) => Some(Position { line: at.line(), column: at.column(), width: 1 }),
        None if message.contains("more than one document") => {
            help = "a catalog file holds one API: remove the `---` and what follows, or move it to a file of its own";
            source_map.second_document
        }
        None if message.contains("repetition limit") || message.contains("recursion limit") => {
            help = "write the values out instead of repeating them through aliases (`*name`)";
            source_map.first_alias
        }
        None => source_map.syntax_error,
    };
    let mut diagnostic = Diagnostic::in_file(Code::Parse, file, message).with_help(help);
    diagnostic.path = path;
    match position {
        Some(position) => diagnostic.at_position(source_map, position),
        None => diagnostic.located(source_map),
    }
    .or_at_start(source_map)
}

/// Is `c` a character YAML does not allow in a document (outside its printable set)? Tabs and
/// line breaks are allowed.
fn forbidden_in_yaml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}' | '\u{80}'..='\u{84}' | '\u{86}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Every control character YAML does not allow (a NUL byte, say), each an error at its place:
/// the YAML parser would name only a byte offset.
fn forbidden_controls(file: &str, text: &str, source_map: &SourceMap) -> Vec<Diagnostic> {
    characters_refused(text, source_map, forbidden_in_yaml, |c| {
        Diagnostic::in_file(Code::Parse, file, format!("the text holds U+{:04X}, a control character YAML does not allow", c as u32))
            .with_help("remove it (tabs and line breaks are fine); to mean the character, write it as an escape in a quoted string")
    })
}

/// Every bidirectional control character in the text, each an error at its place.
fn bidi_controls(file: &str, text: &str, source_map: &SourceMap) -> Vec<Diagnostic> {
    characters_refused(text, source_map, is_bidi_control, |c| {
        let message = format!(
            "the text holds U+{:04X}, a bidirectional control that makes text display differently from what it holds",
            c as u32
        );
        Diagnostic::in_file(Code::BidiControl, file, message)
            .with_help("remove it: catalog text reaches Rust, rustdoc and Markdown, where it could hide what code says")
    })
}

/// Each character of the text that `refused` picks, as the diagnostic `say` makes, at its line
/// and column.
fn characters_refused(
    text: &str,
    source_map: &SourceMap,
    refused: fn(char) -> bool,
    say: impl Fn(char) -> Diagnostic,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for (column, c) in line.chars().enumerate().filter(|(_, c)| refused(*c)) {
            let position = Position { line: index + 1, column: column + 1, width: 1 };
            found.push(say(c).at_position(source_map, position));
        }
    }
    found
}

/// Every value that holds a bidirectional control written as an escape, each an error at its
/// value. (Controls written as they are were refused first, at their own column: a value that
/// holds one then is bound to hold it as an escape.)
fn escaped_bidi_controls(file: &str, source_map: &SourceMap) -> Vec<Diagnostic> {
    source_map
        .escaped_bidi
        .iter()
        .map(|&(position, c)| {
            let message = format!(
                "the value holds U+{:04X}, written as an escape: a bidirectional control that makes text display differently from what it holds",
                c as u32
            );
            Diagnostic::in_file(Code::BidiControl, file, message)
                .with_help("remove the escape: catalog text reaches Rust, rustdoc and Markdown, where it could hide what code says")
                .at_position(source_map, position)
        })
        .collect()
}

/// Reads and parses one catalog file; `shown` is its name in diagnostics.
pub fn load_file(path: &Path, shown: &str) -> Result<LoadedApi, Vec<Diagnostic>> {
    parse_api(shown, &read_text(path, shown)?)
}

/// Reads a catalog file as text, refusing what is not a regular UTF-8 file of a sane size.
fn read_text(path: &Path, shown: &str) -> Result<String, Vec<Diagnostic>> {
    let unreadable =
        |err: std::io::Error| vec![Diagnostic::in_file(Code::Read, shown, format!("cannot read the file: {err}"))];
    // `metadata` follows symlinks and does not open the file, which would hang on a FIFO.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        let message = format!("is not a regular file ({}); only regular files are read", file_kind(&metadata));
        let help = "replace it with a YAML file, or remove it";
        return Err(vec![Diagnostic::in_file(Code::Read, shown, message).with_help(help)]);
    }
    let too_large = |size: u64| {
        let message = format!("the file has {size} bytes; catalog files may have at most {MAX_FILE_BYTES} (4 MiB)");
        vec![Diagnostic::in_file(Code::TooLarge, shown, message).with_help("split the catalog, one file per API")]
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    // At most one byte past the limit, in case the file grew since `metadata`.
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|err| vec![encoding_error(shown, err.as_bytes(), err.utf8_error().valid_up_to())])
}

/// Where the first byte that is not UTF-8 stands, with its line shown as far as it can be.
fn encoding_error(shown: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = bytes[valid_up_to..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| valid_up_to + i);
    let mut diagnostic =
        Diagnostic::in_file(Code::Encoding, shown, format!("byte 0x{:02X} is not UTF-8", bytes[valid_up_to]))
            .with_help("save the file as UTF-8");
    diagnostic.position = Some(Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        width: 1,
    });
    diagnostic.source_line =
        Some(String::from_utf8_lossy(&bytes[valid_up_to - (before.len() - line_start)..line_end]).into_owned());
    diagnostic
}

fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Loads every `*.yaml` file in `dir` (sorted by file name; names starting with `.` are
/// skipped). `display_dir` prefixes file names in diagnostics, so users see `spec/myapi.yaml`
/// rather than an absolute path.
///
/// Every file is read and parsed even when another fails: the result holds the APIs that
/// parsed and the errors of those that did not, so all errors can be reported at once.
pub fn load_dir(dir: &Path, display_dir: &str) -> (Loaded, Vec<Diagnostic>) {
    let mut loaded = Loaded { dir: display_dir.to_string(), apis: Vec::new() };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let message = format!("cannot read the catalog directory: {err}");
            return (loaded, vec![Diagnostic::in_file(Code::Read, display_dir, message)]);
        }
    };
    // Each file's name as the file system has it (to open it), and as diagnostics show it (a
    // name that is not UTF-8 shown with replacement characters, but read all the same).
    let mut names: Vec<(std::ffi::OsString, String)> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| {
            let name = entry.file_name();
            let shown = name.to_string_lossy().into_owned();
            (name, shown)
        })
        .filter(|(_, shown)| !shown.starts_with('.') && (shown.ends_with(".yaml") || shown.ends_with(".yml")))
        .collect();
    names.sort_by(|a, b| a.1.cmp(&b.1));

    let mut errors = Vec::new();
    // The files on every core: a large catalog is several files (4 MiB at most each).
    let results =
        crate::parallel::map(&names, |(name, shown)| load_file(&dir.join(name), &format!("{display_dir}/{shown}")));
    for result in results {
        match result {
            Ok(api) => loaded.apis.push(api),
            Err(diagnostics) => errors.extend(diagnostics),
        }
    }
    if names.is_empty() {
        errors.push(
            Diagnostic::in_file(Code::Read, display_dir, "the catalog directory has no .yaml file")
                .with_help(format!("add one file per API, e.g. {display_dir}/myapi.yaml")),
        );
    }
    loaded.apis.sort_by(|a, b| a.api.id.cmp(&b.api.id));
    (loaded, errors)
}
