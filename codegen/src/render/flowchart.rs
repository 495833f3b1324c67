//! An API's recovery as a Mermaid flowchart, which GitHub draws where the Markdown reference
//! shows it: from a response, level by level (the precedence), each rule an edge to what to do,
//! "otherwise" to the next level, and the fallback last; from a request that got no response,
//! each transport rule, then the runtime's defaults. A building block of the Markdown renderer.

use crate::model::{DecidedBy, RecoveryKind};
use crate::resolved::{Api, RecoveryRule};
use api_error_runtime::RecoveryTable;
use std::fmt::Write;

/// Above this many rules a picture is no longer read; the tables say it all.
pub const MAX_RULES: usize = 60;

/// The flowchart's Mermaid source (without the fence), or `None` for an API of more than
/// [`MAX_RULES`] rules.
pub fn recovery_flowchart(api: &Api) -> Option<String> {
    let rules = &api.recovery.rules;
    if rules.len() > MAX_RULES {
        return None;
    }
    let mut out = String::from("flowchart LR\n");
    let mut kinds: Vec<RecoveryKind> = Vec::new();
    let mut kind_node = |kind: RecoveryKind| {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
        format!("kind_{}", kind.as_str())
    };
    // The levels a response meets, in precedence order: those some rule decides at.
    let levels: Vec<DecidedBy> =
        api.recovery.precedence.iter().copied().filter(|&level| rules.iter().any(|rule| rule.level == level)).collect();
    let _ = writeln!(out, "    response([a response])");
    let mut from = "response".to_string();
    for level in &levels {
        let node = format!("level_{}", level.as_str());
        let _ = writeln!(out, "    {from} --> {node}{{{}}}", quoted(&format!("by {}", level.label())));
        // Within a level, the rules with conditions first, each in catalog order.
        let ordered = rules.iter().filter(|r| r.level == *level && !r.when.is_empty());
        for rule in ordered.chain(rules.iter().filter(|r| r.level == *level && r.when.is_empty())) {
            let _ = writeln!(out, "    {node} -- {} --> {}", quoted(&edge_label(api, rule)), kind_node(rule.kind));
        }
        from = format!("{node} -- otherwise");
    }
    let fallback = &api.recovery.fallback;
    let _ = writeln!(out, "    {from} --> {}", kind_node(fallback.kind));
    // Requests that got no response.
    let _ = writeln!(out, "    nothing([no response])");
    for rule in rules.iter().filter(|rule| rule.level == DecidedBy::Transport) {
        let _ = writeln!(out, "    nothing -- {} --> {}", quoted(&edge_label(api, rule)), kind_node(rule.kind));
    }
    for rule in RecoveryTable::TRANSPORT_DEFAULTS {
        let failures: Vec<&str> = rule.transport.iter().map(|f| f.as_str()).collect();
        let label = format!("{} (default): {}", rule.id, failures.join(", "));
        let _ = writeln!(out, "    nothing -. {} .-> {}", quoted(&label), kind_node(rule.kind));
    }
    for kind in kinds {
        let _ =
            writeln!(out, "    kind_{}[{}]", kind.as_str(), quoted(&format!("{}: {}", kind.as_str(), kind.label())));
    }
    Some(out)
}

/// A rule's edge: its id, then what it names (a few values at most), and "if …" for conditions.
fn edge_label(api: &Api, rule: &RecoveryRule) -> String {
    const SHOWN: usize = 3;
    let mut named: Vec<String> = rule.hints.iter().chain(&rule.errors).map(|&v| api[v].wire.clone()).collect();
    named.extend(rule.statuses.iter().map(u16::to_string));
    named.extend(rule.status_classes.iter().map(|class| class.range().to_string()));
    named.extend(rule.transport.iter().map(|failure| failure.as_str().to_string()));
    let more = named.len().saturating_sub(SHOWN);
    named.truncate(SHOWN);
    if more > 0 {
        named.push(format!("{more} more"));
    }
    let mut label = rule.id.clone();
    if !named.is_empty() {
        let _ = write!(label, ": {}", named.join(", "));
    }
    if !rule.when.is_empty() {
        label.push_str(" (if its conditions hold)");
    }
    if let Some(then) = &rule.then {
        let _ = write!(label, "; if that does not help: {}", then.kind.as_str());
    }
    label
}

/// Text as a quoted Mermaid label: quotes and the characters Mermaid reads as markup written as
/// its entity codes, line breaks as spaces.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn labels_cannot_close_their_quotes_or_open_markup() {
        assert_eq!(quoted(r#"say "hi" <b>#1</b>"#), r#""say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;""#);
        assert_eq!(quoted("two\nlines"), "\"two lines\"");
    }
}
