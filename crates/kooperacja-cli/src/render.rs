//! Text rendering helpers shared by the commands.

/// Wraps text to `width` columns on spaces, never inside an amount
/// ("4 863 047,40 zł") or a Polish date ("31.03.2021 r.").
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let glue = words.last().is_some_and(|prev: &String| {
            prev.ends_with(|c: char| c.is_ascii_digit())
                && (word.starts_with(|c: char| c.is_ascii_digit())
                    || word.starts_with("zł")
                    || word.starts_with("r."))
        });
        match words.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in &words {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pads or cuts `text` to exactly `width` characters.
pub fn cell(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count > width {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

/// Right-aligns `text` in `width` characters.
pub fn right(text: &str, width: usize) -> String {
    let count = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(count)))
}
