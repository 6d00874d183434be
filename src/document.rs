//! Input formats → prose. Plain text is analysed as it is; Markdown and HTML
//! are projected to their prose (code, scripts, URLs and markup left out) with
//! a byte map, so that every span found in the prose still points at the bytes
//! of the original file.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputType {
    Text,
    Markdown,
    Html,
}

impl InputType {
    /// Chosen by the file extension; anything unknown is plain text.
    pub fn from_path(path: &Path) -> InputType {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => InputType::Markdown,
            Some("html" | "htm" | "xhtml") => InputType::Html,
            _ => InputType::Text,
        }
    }
}

/// The prose of a file, with where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct Document {
    /// The prose to analyse.
    pub text: String,
    /// For each byte of `text` (and one past the end), its offset in the
    /// original file. Empty for plain text, where the two are the same.
    map: Vec<usize>,
    /// Headings that the format marks as such.
    pub headings: Vec<Span>,
}

impl Document {
    pub fn new(source: &str, kind: InputType) -> Document {
        match kind {
            InputType::Text => Document {
                text: source.to_string(),
                map: Vec::new(),
                headings: Vec::new(),
            },
            InputType::Markdown => markdown(source),
            InputType::Html => html(source),
        }
    }

    /// Maps an offset in the prose to an offset in the original file.
    pub fn original(&self, offset: usize) -> usize {
        if self.map.is_empty() {
            offset
        } else {
            self.map[offset.min(self.map.len() - 1)]
        }
    }

    /// Maps a prose span to the file; the end maps through its last byte so
    /// that a span never swallows markup that follows it.
    pub fn original_span(&self, span: Span) -> Span {
        if self.map.is_empty() {
            return span;
        }
        let start = self.original(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.original(span.end - 1) + 1
        };
        Span::new(start, end.max(start))
    }
}

struct Builder {
    text: String,
    map: Vec<usize>,
    headings: Vec<Span>,
}

impl Builder {
    fn new(cap: usize) -> Builder {
        Builder {
            text: String::with_capacity(cap),
            map: Vec::with_capacity(cap + 1),
            headings: Vec::new(),
        }
    }

    /// Text copied verbatim from `source[at..]`: a one-to-one map.
    fn verbatim(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        self.map.extend(at..at + s.len());
    }

    /// Text that stands for `source[at..at+len]` but is not a copy of it
    /// (a decoded entity, a separator): all of it maps to `at`.
    fn synthetic(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        self.map.extend(std::iter::repeat_n(at, s.len()));
    }

    fn block_break(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            let s = if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            self.synthetic(s, at);
        }
    }

    fn finish(mut self, end: usize) -> Document {
        self.map.push(end);
        Document {
            text: self.text,
            map: self.map,
            headings: self.headings,
        }
    }
}

fn markdown(source: &str) -> Document {
    let opts = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::new(source.len());
    // Depth of constructs whose text is not prose (code, metadata, images).
    let mut skip = 0usize;
    let mut heading_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } | Tag::HtmlBlock => {
                    skip += 1
                }
                Tag::Heading { .. } => {
                    b.block_break(range.start);
                    heading_start = Some(b.text.len());
                }
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::Item
                | Tag::TableRow
                | Tag::TableHead
                | Tag::FootnoteDefinition(_) => b.block_break(range.start),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::Image
                | TagEnd::HtmlBlock => skip = skip.saturating_sub(1),
                TagEnd::Heading(_) => {
                    if let Some(s) = heading_start.take() {
                        b.headings.push(Span::new(s, b.text.len()));
                    }
                    b.block_break(range.end);
                }
                TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::TableRow => {
                    b.block_break(range.end)
                }
                TagEnd::TableCell => b.synthetic(" ", range.end),
                _ => {}
            },
            Event::Text(t) if skip == 0 => {
                if source.get(range.clone()) == Some(&*t) {
                    b.verbatim(&t, range.start);
                } else {
                    b.synthetic(&t, range.start);
                }
            }
            // Inline code and HTML are not prose; a space keeps words apart.
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) if skip == 0 => {
                b.synthetic(" ", range.start)
            }
            Event::SoftBreak if skip == 0 => b.synthetic("\n", range.start),
            Event::HardBreak if skip == 0 => b.synthetic("\n", range.start),
            _ => {}
        }
    }
    b.finish(source.len())
}

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "head", "template", "noscript", "svg", "textarea", "iframe",
    "object",
];
/// Elements that separate blocks of prose.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "dl",
    "body",
    "html",
    "title",
    "address",
    "details",
    "summary",
];

fn html(source: &str) -> Document {
    let bytes = source.as_bytes();
    let mut b = Builder::new(source.len());
    let mut i = 0;
    let mut heading_start: Option<usize> = None;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if source[i..].starts_with("<!--") {
                i = source[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                continue;
            }
            let end = match source[i..].find('>') {
                Some(e) => i + e + 1,
                None => {
                    b.verbatim(&source[i..], i);
                    break;
                }
            };
            let inner = &source[i + 1..end - 1];
            let closing = inner.starts_with('/');
            let name: String = inner
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !closing && SKIPPED.contains(&name.as_str()) && !inner.ends_with('/') {
                let close = format!("</{name}");
                let lower_rest = source[end..].to_ascii_lowercase();
                i = match lower_rest.find(&close) {
                    Some(e) => {
                        let after = end + e;
                        source[after..]
                            .find('>')
                            .map_or(bytes.len(), |g| after + g + 1)
                    }
                    None => bytes.len(),
                };
                b.block_break(i.min(bytes.len()));
                continue;
            }
            let is_heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            if BLOCKS.contains(&name.as_str()) {
                if is_heading && closing {
                    if let Some(s) = heading_start.take() {
                        b.headings.push(Span::new(s, b.text.len()));
                    }
                }
                b.block_break(i);
                if is_heading && !closing {
                    heading_start = Some(b.text.len());
                }
            }
            i = end;
            continue;
        }
        if bytes[i] == b'&' {
            if let Some((decoded, len)) = entity(&source[i..]) {
                let mut buf = [0u8; 4];
                b.synthetic(decoded.encode_utf8(&mut buf), i);
                i += len;
                continue;
            }
        }
        // Copy a run of plain text, folding newlines into spaces: in HTML a
        // blank line inside a paragraph is not a paragraph break.
        let run_end = source[i..]
            .find(['<', '&'])
            .map_or(bytes.len(), |e| i + e)
            .max(i + 1);
        let run_end = (run_end..=bytes.len())
            .find(|&e| source.is_char_boundary(e))
            .unwrap_or(bytes.len());
        let run = &source[i..run_end];
        if run.contains('\n') {
            for (k, ch) in run.char_indices() {
                if ch == '\n' || ch == '\r' {
                    b.synthetic(" ", i + k);
                } else {
                    let mut buf = [0u8; 4];
                    b.text.push_str(ch.encode_utf8(&mut buf));
                    b.map.extend(i + k..i + k + ch.len_utf8());
                }
            }
        } else {
            b.verbatim(run, i);
        }
        i = run_end;
    }
    b.finish(source.len())
}

/// Decodes the character entity at the start of `s`; returns it and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.len().min(12)].find(';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "bdquo" => '„',
            "laquo" => '«',
            "raquo" => '»',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "euro" => '€',
            "pound" => '£',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "oacute" => 'ó',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            "ccedil" => 'ç',
            "deg" => '°',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_skips_code_and_keeps_names_whole() {
        let src = "---\ntitle: x said y\n---\n# Big news\n\n**Ada Nwosu** said `code` it.\n\n```\n\"ok,\" said the server\n```\n";
        let d = Document::new(src, InputType::Markdown);
        assert!(d.text.contains("Ada Nwosu said"), "{:?}", d.text);
        assert!(!d.text.contains("server"));
        assert!(!d.text.contains("title"));
        assert_eq!(d.headings.len(), 1);
        let at = d.text.find("Ada").unwrap();
        assert_eq!(&src[d.original(at)..d.original(at) + 3], "Ada");
    }

    #[test]
    fn html_skips_scripts_and_decodes_entities_with_a_byte_map() {
        let src = "<html><head><script>var said = 1;</script></head><body><h1>Title</h1><p>&ldquo;Hi,&rdquo; <em>Ann Lee</em> said.</p><pre>x said y</pre></body></html>";
        let d = Document::new(src, InputType::Html);
        assert!(d.text.contains("“Hi,” Ann Lee said."), "{:?}", d.text);
        assert!(!d.text.contains("var"));
        assert!(!d.text.contains("x said y"));
        let at = d.text.find("Ann").unwrap();
        let sp = d.original_span(Span::new(at, at + 7));
        assert_eq!(sp.slice(src), "Ann Lee");
        assert_eq!(d.headings.len(), 1);
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for src in [
            "<p>open",
            "<scr",
            "&#xZZ; <a href=",
            "<script>never closed",
            "&",
            "<!-- x",
        ] {
            let _ = Document::new(src, InputType::Html);
        }
    }
}
