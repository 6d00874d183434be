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
        // Compared as bytes, with no lowercased copy: an extension that is
        // not UTF-8 is none of these ASCII ones either way.
        let ext = match plain_file_name(path) {
            Some((_, name)) => extension_of(name),
            None => path.extension().map(|e| e.as_encoded_bytes()),
        };
        let any_of = |names: &[&str]| {
            ext.is_some_and(|e| names.iter().any(|n| e.eq_ignore_ascii_case(n.as_bytes())))
        };
        if any_of(&["md", "markdown", "mdown", "mkd"]) {
            InputType::Markdown
        } else if any_of(&["html", "htm", "xhtml"]) {
            InputType::Html
        } else {
            InputType::Text
        }
    }
}

/// A path that ends in a plain name after a `/` (`dir/name`, the name no
/// `.` or `..`), as its directory and name: what [`Path::parent`] and
/// [`Path::file_name`] give it, read off its bytes. Those take the path
/// apart into components, some 500 instructions for a path of a batch,
/// each file of which is asked both. Any other shape gives `None`.
pub(crate) fn plain_file_name(path: &Path) -> Option<(&[u8], &[u8])> {
    // `/` is the only separator where paths are bytes.
    if !cfg!(unix) {
        return None;
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let slash = memchr::memrchr(b'/', bytes)?;
    let (dir, name) = (&bytes[..slash], &bytes[slash + 1..]);
    // (Not the root's own names: `/a`'s parent is `/`.)
    (!dir.is_empty() && !name.is_empty() && name != b"." && name != b"..").then_some((dir, name))
}

/// [`Path::extension`] of a file name: after its last `.`, unless that
/// opens the name.
fn extension_of(name: &[u8]) -> Option<&[u8]> {
    let dot = memchr::memrchr(b'.', name)?;
    (dot > 0).then(|| &name[dot + 1..])
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
    /// Comments that may carry `whosaid` directives: HTML comments in
    /// Markdown and HTML; in plain text, lines starting with `#` or `//`
    /// whose first word is `whosaid…` (blanked out of `text`).
    pub comments: Vec<Comment>,
}

/// A comment in the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, markers included, in the original file.
    pub span: Span,
    /// The words inside the markers.
    pub body: String,
}

impl Document {
    pub fn new(source: &str, kind: InputType) -> Document {
        match kind {
            InputType::Text => text(source),
            InputType::Markdown => markdown(source),
            InputType::Html => html(source),
        }
    }

    /// [`Document::new`] taking the source by value. Plain text without
    /// directive lines is its own prose: the source is moved in, not copied,
    /// and `None` comes back; otherwise the source comes back unchanged.
    pub fn from_source(source: String, kind: InputType) -> (Document, Option<String>) {
        if kind == InputType::Text {
            if let (None, comments) = text_parts(&source) {
                let doc = Document {
                    text: source,
                    map: Vec::new(),
                    headings: Vec::new(),
                    comments,
                };
                return (doc, None);
            }
        }
        (Document::new(&source, kind), Some(source))
    }

    /// The prose has the file's offsets, line breaks included: plain text,
    /// whose directive lines are blanked byte for byte.
    pub fn same_offsets(&self) -> bool {
        self.map.is_empty()
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
    comments: Vec<Comment>,
}

impl Builder {
    fn new(cap: usize) -> Builder {
        Builder {
            text: String::with_capacity(cap),
            map: Vec::with_capacity(cap + 1),
            headings: Vec::new(),
            comments: Vec::new(),
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
            comments: self.comments,
        }
    }
}

/// Plain text is its own prose, except for directive lines (`# whosaid off`,
/// `// whosaid-disable-next-line hearsay`), which are blanked out byte for
/// byte so that offsets stay the same.
fn text(source: &str) -> Document {
    let (blanked, comments) = text_parts(source);
    Document {
        text: blanked.unwrap_or_else(|| source.to_string()),
        map: Vec::new(),
        headings: Vec::new(),
        comments,
    }
}

/// The directive lines of plain text, and the text with them blanked out
/// (`None` when there are none: the prose is the source itself).
fn text_parts(source: &str) -> (Option<String>, Vec<Comment>) {
    let mut text = String::new();
    let mut comments = Vec::new();
    // Every directive line holds `whosaid` (see `text_directive`): one
    // search of the whole text spares most texts the walk line by line.
    if memchr::memmem::find(source.as_bytes(), b"whosaid").is_none() {
        return (None, comments);
    }
    let mut at = 0;
    for line in crate::span::lines_inclusive(source) {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(body) = text_directive(content) {
            if comments.is_empty() {
                text.reserve(source.len());
                text.push_str(&source[..at]);
            }
            comments.push(Comment {
                span: Span::new(at, at + content.len()),
                body: body.to_string(),
            });
            text.extend(std::iter::repeat_n(' ', content.len()));
            text.push_str(&line[content.len()..]);
        } else if !comments.is_empty() {
            text.push_str(line);
        }
        at += line.len();
    }
    ((!comments.is_empty()).then_some(text), comments)
}

/// The body of a plain-text directive line: `#` or `//` at the start of the
/// line (after indentation), then a first word starting with `whosaid`.
fn text_directive(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let body = t
        .strip_prefix("//")
        .or_else(|| t.strip_prefix('#'))?
        .trim_start_matches('#')
        .trim();
    let word = body.split_whitespace().next()?;
    (word == "whosaid" || word.starts_with("whosaid-") || word.starts_with("whosaid:"))
        .then_some(body)
}

/// HTML comments (`<!-- … -->`) inside `source[range]`.
fn html_comments(source: &str, range: std::ops::Range<usize>, out: &mut Vec<Comment>) {
    let Some(chunk) = source.get(range.clone()) else {
        return;
    };
    let mut from = 0;
    while let Some(open) = chunk[from..].find("<!--") {
        let body_start = from + open + 4;
        let Some(close) = chunk[body_start..].find("-->") else {
            break;
        };
        let body_end = body_start + close;
        out.push(Comment {
            span: Span::new(range.start + from + open, range.start + body_end + 3),
            body: chunk[body_start..body_end].trim().to_string(),
        });
        from = body_end + 3;
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
                Tag::HtmlBlock => {
                    html_comments(source, range, &mut b.comments);
                    skip += 1
                }
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => skip += 1,
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
            Event::InlineHtml(_) if skip == 0 => {
                html_comments(source, range.clone(), &mut b.comments);
                b.synthetic(" ", range.start)
            }
            Event::Code(_) | Event::Html(_) if skip == 0 => b.synthetic(" ", range.start),
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
/// Skipped elements that sit inside a line of prose.
const INLINE_SKIPPED: &[&str] = &["code", "svg", "object", "iframe", "textarea", "noscript"];
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
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Raw-text elements (script, style, title…) are read as text, not tags.
    emitter.naively_switch_states(true);
    let mut b = Builder::new(source.len());
    // Open elements whose content is not prose, innermost last.
    let mut skip: Vec<String> = Vec::new();
    let mut heading_start: Option<usize> = None;
    for Ok(token) in Tokenizer::new_with_emitter(source, emitter) {
        match token {
            Token::StartTag(tag) => {
                let name = tag_name(&tag.name);
                if name == "body" {
                    // `<body>` closes an unterminated `<head>`.
                    skip.retain(|n| n != "head");
                }
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    if INLINE_SKIPPED.contains(&name.as_str()) {
                        // Inline code stands in a sentence: a space keeps words apart.
                        if skip.is_empty() {
                            b.synthetic(" ", tag.span.start);
                        }
                    } else {
                        b.block_break(tag.span.start);
                    }
                    skip.push(name);
                } else if skip.is_empty() && BLOCKS.contains(&name.as_str()) {
                    b.block_break(tag.span.start);
                    if is_heading(&name) {
                        heading_start = Some(b.text.len());
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag_name(&tag.name);
                if let Some(k) = skip.iter().rposition(|n| *n == name) {
                    skip.truncate(k);
                    if INLINE_SKIPPED.contains(&name.as_str()) {
                        if skip.is_empty() {
                            b.synthetic(" ", tag.span.end);
                        }
                    } else {
                        b.block_break(tag.span.end);
                    }
                } else if skip.is_empty() && BLOCKS.contains(&name.as_str()) {
                    if is_heading(&name) {
                        if let Some(s) = heading_start.take() {
                            b.headings.push(Span::new(s, b.text.len()));
                        }
                    }
                    b.block_break(tag.span.end);
                }
            }
            Token::String(s) if skip.is_empty() => b.html_text(
                source,
                &String::from_utf8_lossy(&s.value),
                s.span.start,
                s.span.end,
            ),
            Token::Comment(c) => b.comments.push(Comment {
                span: Span::new(c.span.start, c.span.end.max(c.span.start)),
                body: String::from_utf8_lossy(&c.value).into_owned(),
            }),
            _ => {}
        }
    }
    b.finish(source.len())
}

fn tag_name(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Decodes one character reference (`&amp;`, `&#8220;`, `&notit;`) with the
/// HTML parser itself, so that its table and its rules are the only ones.
fn decode_reference(raw: &str) -> String {
    let mut out = String::new();
    for Ok(token) in html5gum::Tokenizer::new(raw) {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

impl Builder {
    /// Text that the HTML parser decoded from `source[start..end]`: aligns the
    /// decoded text with the raw bytes so that verbatim characters map one to
    /// one and each character reference maps to its `&`. Newlines fold to
    /// spaces: in HTML a line break inside a paragraph is not a paragraph break.
    fn html_text(&mut self, source: &str, value: &str, start: usize, end: usize) {
        let Some(raw) = source.get(start..end) else {
            let folded = value.replace(['\n', '\r'], " ");
            self.synthetic(&folded, start.min(source.len()));
            return;
        };
        let rb = raw.as_bytes();
        let (mut i, mut j) = (0usize, 0usize);
        while let Some(c) = value[j..].chars().next() {
            let Some(r) = raw[i..].chars().next() else {
                let rest = value[j..].replace(['\n', '\r'], " ");
                self.synthetic(&rest, end);
                return;
            };
            if r == '&' {
                let mut e = i + 1;
                while e < rb.len() && (rb[e].is_ascii_alphanumeric() || rb[e] == b'#') {
                    e += 1;
                }
                if e < rb.len() && rb[e] == b';' {
                    e += 1;
                }
                let decoded = decode_reference(&raw[i..e]);
                if e > i + 1 && !decoded.is_empty() && value[j..].starts_with(&decoded) {
                    self.synthetic(&decoded.replace(['\n', '\r'], " "), start + i);
                    i = e;
                    j += decoded.len();
                    continue;
                }
            }
            if r == '\r' && rb.get(i + 1) == Some(&b'\n') {
                // The parser normalises CRLF to LF: the CR has no counterpart.
                i += 1;
                continue;
            }
            let mut buf = [0u8; 4];
            if c == '\n' || c == '\r' {
                self.synthetic(" ", start + i);
            } else if r == c {
                self.verbatim(c.encode_utf8(&mut buf), start + i);
            } else {
                // A character the parser replaced (NUL → U+FFFD, CR → LF).
                self.synthetic(c.encode_utf8(&mut buf), start + i);
            }
            i += r.len_utf8();
            j += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_what_path_takes_apart() {
        for p in [
            "/tmp/spd/a.txt",
            "a/b.MD",
            "a/b.tar.gz",
            "a/.hidden",
            "a/b.",
            "a/b",
            "a//b.md",
            "/a.html",
            "a/b/",
            "a/.",
            "a/..",
            "a/b/.",
            "b.md",
            "",
            "/",
            "./x.htm",
            "a/..b",
        ] {
            let path = Path::new(p);
            if let Some((dir, name)) = plain_file_name(path) {
                assert_eq!(
                    Some(name),
                    path.file_name().map(|n| n.as_encoded_bytes()),
                    "{p}"
                );
                assert_eq!(
                    extension_of(name),
                    path.extension().map(|e| e.as_encoded_bytes()),
                    "{p}"
                );
                assert_eq!(
                    Path::new(std::str::from_utf8(dir).unwrap()),
                    path.parent().unwrap(),
                    "{p}"
                );
            }
            let want = match path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("md" | "markdown" | "mdown" | "mkd") => InputType::Markdown,
                Some("html" | "htm" | "xhtml") => InputType::Html,
                _ => InputType::Text,
            };
            assert_eq!(InputType::from_path(path), want, "{p}");
        }
    }

    #[test]
    fn from_source_moves_plain_text_and_matches_new() {
        let cases = [
            ("Plain text.\n\nMore.", InputType::Text, false),
            ("Text.\n# whosaid off\nMore.", InputType::Text, true),
            ("# Title\n\n*Body* said.", InputType::Markdown, true),
            ("<p>Body said.</p>", InputType::Html, true),
        ];
        for (src, kind, kept) in cases {
            let want = Document::new(src, kind);
            let (doc, back) = Document::from_source(src.to_string(), kind);
            assert_eq!(back.is_some(), kept, "{src:?}");
            assert_eq!(back.as_deref().unwrap_or(src), src);
            assert_eq!(doc.text, want.text);
            assert_eq!(doc.map, want.map);
            assert_eq!(doc.headings, want.headings);
            assert_eq!(doc.comments, want.comments);
        }
    }

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

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn html_entities_crlf_and_comments_keep_the_byte_map() {
        let src = "<p>Tom &amp; Jerry\r\nsaid &#8220;no&#8221; &notit; <b>Ann Lee</b>.</p><!-- whosaid off --><pre>x</pre>";
        let d = Document::new(src, InputType::Html);
        assert!(
            d.text.contains("Tom & Jerry said “no” ¬it; Ann Lee."),
            "{:?}",
            d.text
        );
        for word in ["Jerry", "said", "Ann Lee", "no"] {
            let at = d.text.find(word).unwrap();
            let sp = d.original_span(Span::new(at, at + word.len()));
            assert_eq!(sp.slice(src), word);
        }
        let amp = d.text.find('&').unwrap();
        assert_eq!(&src[d.original(amp)..d.original(amp) + 5], "&amp;");
        assert_eq!(d.comments.len(), 1);
        assert_eq!(d.comments[0].body.trim(), "whosaid off");
        assert_eq!(d.comments[0].span.slice(src), "<!-- whosaid off -->");
    }

    #[test]
    fn html_unclosed_head_ends_at_body() {
        let src = "<head><title>T</title><body><p>Prose here.</p>";
        let d = Document::new(src, InputType::Html);
        assert!(d.text.contains("Prose here."), "{:?}", d.text);
        assert!(!d.text.contains('T'));
    }

    #[test]
    fn markdown_comments_are_found_in_blocks_and_inline() {
        let src = "<!-- whosaid-disable-next-line hearsay -->\nSome text <!-- whosaid on --> here.\n\n```\n<!-- not a comment -->\n```\n";
        let d = Document::new(src, InputType::Markdown);
        let bodies: Vec<&str> = d.comments.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["whosaid-disable-next-line hearsay", "whosaid on"]);
        assert_eq!(
            d.comments[1].span.slice(src),
            "<!-- whosaid on -->",
            "{:?}",
            d.comments
        );
        assert!(!d.text.contains("whosaid"));
    }

    #[test]
    fn text_directive_lines_are_blanked_in_place() {
        let src = "# Heading\n  // whosaid off hearsay\nThey said so.\n#whosaid on\n";
        let d = Document::new(src, InputType::Text);
        assert_eq!(d.text.len(), src.len());
        assert!(d.text.starts_with("# Heading\n"));
        assert!(!d.text.contains("whosaid"));
        assert_eq!(d.text.find("They"), src.find("They"));
        let bodies: Vec<&str> = d.comments.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["whosaid off hearsay", "whosaid on"]);
        let plain = Document::new("# whosaidx\n", InputType::Text);
        assert!(plain.comments.is_empty());
    }
}
