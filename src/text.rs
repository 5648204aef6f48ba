//! Plain text, the leaf every step that reads words shares: whitespace
//! collapsed as a browser shows it, plain text split into paragraphs, and
//! text fields that arrive as HTML (titles, captions, excerpts and names in
//! WordPress and Ghost) read as text: tags removed, character references
//! decoded. Imports nothing of the crate.

/// The text of an HTML fragment, on one line: tags removed (with the content
/// of `script` and `style`), character references decoded, whitespace
/// collapsed. Block-level tags and `<br>` separate words; inline ones do not.
pub fn html_text(html: &str) -> String {
    collapse(&decode_entities(&strip_tags(html)))
}

/// Removes tags and comments the way a browser's tokenizer sees them: a `<`
/// not followed by a letter, `/`, `!` or `?` is text ("a < b", "<3").
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let Some(after) = markup_end(tag) else {
            out.push('<');
            rest = &tag[1..];
            continue;
        };
        let name = tag_name(tag);
        if !name.is_empty() && !is_inline(&name) {
            out.push(' ');
        }
        let start_tag = &tag[..after];
        rest = &tag[after..];
        if tag.starts_with("</") {
            continue;
        }
        if name == "script" || name == "style" {
            rest = skip_raw_text(rest, &name);
        } else if !is_void(&name) && (is_unseen(&name) || has_attribute(start_tag, "hidden")) {
            rest = skip_element(rest, &name);
        }
    }
    out.push_str(rest);
    out
}

/// Where the markup starting at `tag` (which starts with `<`) ends, or `None`
/// when the `<` is text. Unclosed markup runs to the end, as in a browser.
fn markup_end(tag: &str) -> Option<usize> {
    let bytes = tag.as_bytes();
    match bytes.get(1) {
        Some(b'!') if tag.starts_with("<!--") => {
            Some(tag[4..].find("-->").map_or(tag.len(), |end| 4 + end + 3))
        }
        Some(b'!' | b'?') => Some(tag.find('>').map_or(tag.len(), |end| end + 1)),
        Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => Some(tag_end(tag)),
        Some(b) if b.is_ascii_alphabetic() => Some(tag_end(tag)),
        _ => None,
    }
}

/// The end of a tag: the first `>` outside a quoted attribute value.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    let mut after_equals = false;
    for (i, b) in tag.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if q == b => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_equals => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = quote.is_none() && b == b'=';
        }
    }
    tag.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Elements whose content a reader never sees, which the body drops with
/// everything inside them (`body/tag.rs`): a headline made of the text must
/// not say what the article does not show.
fn is_unseen(name: &str) -> bool {
    matches!(
        name,
        "template"
            | "noscript"
            | "object"
            | "applet"
            | "svg"
            | "math"
            | "form"
            | "button"
            | "select"
            | "datalist"
            | "textarea"
            | "output"
            | "title"
            | "head"
            | "noframes"
            | "noembed"
            | "xmp"
            | "canvas"
            | "iframe"
            | "portal"
            | "fencedframe"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Whether a start tag (`<p class="x" hidden>`) has the attribute `name`.
fn has_attribute(start_tag: &str, name: &str) -> bool {
    let inner = start_tag.strip_prefix('<').unwrap_or(start_tag);
    let inner = inner.strip_suffix('>').unwrap_or(inner);
    let bytes = inner.as_bytes();
    let space = |b: u8| b.is_ascii_whitespace() || b == b'/';
    // After the tag name: attribute names, each maybe with `=value`.
    let mut i = bytes.iter().position(|&b| space(b)).unwrap_or(bytes.len());
    loop {
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return false;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        if inner[start..i].eq_ignore_ascii_case(name) {
            return true;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i += 1;
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(bytes.len(), |end| i + end + 1);
            }
            _ => {
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
        }
    }
}

/// Skips an element's content up to its own end tag, counting the elements
/// of the same name opened inside it; unclosed, it runs to the end.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let bytes = rest.as_bytes();
    let named = |at: usize| {
        bytes
            .get(at..at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && !bytes
                .get(at + name.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    };
    let mut depth = 1usize;
    for (at, _) in rest.match_indices('<') {
        if bytes.get(at + 1) == Some(&b'/') && named(at + 2) {
            depth -= 1;
            if depth == 0 {
                return &rest[at..];
            }
        } else if named(at + 1) {
            depth += 1;
        }
    }
    ""
}

/// Skips the content of `script` or `style` up to its end tag.
fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let end_tag = rest.match_indices("</").find(|(at, _)| {
        rest.as_bytes()
            .get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    });
    end_tag.map_or("", |(at, _)| &rest[at..])
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Decodes character references: numeric ones (`&#8217;`, `&#x2019;`) and the
/// HTML 4 named set with `&apos;` (`&amp;`, `&hellip;`, `&eacute;`…), which is
/// what CMSs write. Anything else stays as it is.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let reference = &rest[at + 1..];
        match character_reference(reference) {
            Some((c, used)) => {
                out.push(c);
                rest = &reference[used..];
            }
            None => {
                out.push('&');
                rest = reference;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference after `&` stands for, and how many bytes it used.
fn character_reference(reference: &str) -> Option<(char, usize)> {
    if let Some(number) = reference.strip_prefix('#') {
        let (radix, digits_at) = match number.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = reference[digits_at..]
            .bytes()
            .take_while(|b| char::from(*b).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let code = reference[digits_at..digits_at + digits]
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(0u32, |n, d| n.saturating_mul(radix).saturating_add(d));
        let end = digits_at + digits;
        let used = end + usize::from(reference[end..].starts_with(';'));
        return Some((numeric_character(code), used));
    }
    let name_len = reference
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len > MAX_NAME || !reference[name_len..].starts_with(';') {
        return None;
    }
    let name = &reference[..name_len];
    let at = NAMES.split(' ').position(|n| n == name)?;
    Some((CHARACTERS.chars().nth(at)?, name_len + 1))
}

/// What the HTML standard makes of `&#code;`: invalid code points become
/// U+FFFD, and the C1 range means windows-1252, as old CMS content assumes.
fn numeric_character(code: u32) -> char {
    match code {
        0x80..=0x9f => WINDOWS_1252[(code - 0x80) as usize],
        0 => char::REPLACEMENT_CHARACTER,
        _ => char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// What `&#128;` to `&#159;` stand for: windows-1252, as the HTML standard
/// reads them.
#[rustfmt::skip]
const WINDOWS_1252: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The longest of [`NAMES`].
const MAX_NAME: usize = 8;

/// The HTML 4 named character references and `&apos;`: their names,
/// separated by spaces, and in [`CHARACTERS`] what each stands for, in the
/// same order. Two strings rather than a table of pairs: the table's
/// pointers cost more bytes in the bundle than the names themselves.
#[rustfmt::skip]
const NAMES: &str = "\
    AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta Ccedil Chi Dagger Delta ETH \
    Eacute Ecirc Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml Kappa \
    Lambda Mu Ntilde Nu OElig Oacute Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi \
    Pi Prime Psi Rho Scaron Sigma THORN Tau Theta Uacute Ucirc Ugrave Upsilon Uuml Xi \
    Yacute Yuml Zeta aacute acirc acute aelig agrave alefsym alpha amp and ang apos \
    aring asymp atilde auml bdquo beta brvbar bull cap ccedil cedil cent chi circ clubs \
    cong copy crarr cup curren dArr dagger darr deg delta diams divide eacute ecirc \
    egrave empty emsp ensp epsilon equiv eta eth euml euro exist fnof forall frac12 \
    frac14 frac34 frasl gamma ge gt hArr harr hearts hellip iacute icirc iexcl igrave \
    image infin int iota iquest isin iuml kappa lArr lambda lang laquo larr lceil ldquo \
    le lfloor lowast loz lrm lsaquo lsquo lt macr mdash micro middot minus mu nabla nbsp \
    ndash ne ni not notin nsub ntilde nu oacute ocirc oelig ograve oline omega omicron \
    oplus or ordf ordm oslash otilde otimes ouml para part permil perp phi pi piv plusmn \
    pound prime prod prop psi quot rArr radic rang raquo rarr rceil rdquo real reg \
    rfloor rho rlm rsaquo rsquo sbquo scaron sdot sect shy sigma sigmaf sim spades sub \
    sube sum sup sup1 sup2 sup3 supe szlig tau there4 theta thetasym thinsp thorn tilde \
    times trade uArr uacute uarr ucirc ugrave uml upsih upsilon uuml weierp xi yacute \
    yen yuml zeta zwj zwnj";

/// What each of [`NAMES`] stands for.
#[rustfmt::skip]
const CHARACTERS: &str = "\
    ÆÁÂÀΑÅÃÄΒÇΧ‡ΔÐÉÊÈΕΗËΓÍÎÌΙÏΚΛΜÑΝŒÓÔÒΩΟØÕÖ\
    ΦΠ″ΨΡŠΣÞΤΘÚÛÙΥÜΞÝŸΖáâ´æàℵα&∧∠\u{27}å≈ãä„β¦•∩ç\
    ¸¢χˆ♣≅©↵∪¤⇓†↓°δ♦÷éêè∅\u{2003}\u{2002}ε≡ηðë€∃ƒ∀½¼¾⁄γ≥>⇔\
    ↔♥…íî¡ìℑ∞∫ι¿∈ïκ⇐λ〈«←⌈“≤⌊∗◊\u{200e}‹‘<¯—µ·−μ∇\u{a0}–≠\
    ∋¬∉⊄ñνóôœò‾ωο⊕∨ªºøõ⊗ö¶∂‰⊥φπϖ±£′∏∝ψ\"⇒√〉»→\
    ⌉”ℜ®⌋ρ\u{200f}›’‚š⋅§\u{ad}σς∼♠⊂⊆∑⊃¹²³⊇ßτ∴θϑ\u{2009}þ˜×™⇑ú↑û\
    ù¨ϒυü℘ξý¥ÿζ\u{200d}\u{200c}";

/// Splits plain text into paragraphs.
///
/// Blank lines separate paragraphs; a line holding only whitespace (the seed's
/// lone U+00A0 lines included) counts as blank. Lines inside a paragraph are
/// joined with a space, and runs of whitespace, non-breaking spaces included,
/// collapse to one space, as a browser would show them.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        push_words(&mut current, line);
    }
    flush(&mut current, &mut out);
    out
}

/// Appends the words of `text` to `out`, one space between each and before
/// the first when `out` is not empty.
fn push_words(out: &mut String, text: &str) {
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// `text` cut to at most `max` characters, with `…` where it was cut: for
/// what a server or a document says that ends up in a message.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Collapses whitespace in a one-line text field (headline, caption, name).
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_text_says_it_was_cut() {
        assert_eq!(clip("Not Found", 40), "Not Found");
        assert_eq!(clip("Lạng Sơn", 4), "Lạng…");
        assert_eq!(clip(&"x".repeat(10_000), 3), "xxx…");
    }

    #[test]
    fn seed_paragraphs_lose_their_nbsp_indentation_and_separator_lines() {
        let text = "\u{a0}\u{a0}\u{a0}\u{a0}Ngày 23/6, Ban Chỉ đạo họp.\n\u{a0}\n\u{a0}\u{a0}\u{a0}\u{a0}Theo báo cáo\ntại Hội nghị.\n";
        assert_eq!(
            paragraphs(text),
            ["Ngày 23/6, Ban Chỉ đạo họp.", "Theo báo cáo tại Hội nghị."]
        );
    }

    #[test]
    fn blank_text_has_no_paragraphs() {
        assert!(paragraphs("\u{a0}\n  \n\t").is_empty());
        assert_eq!(collapse("  P.V \u{a0} "), "P.V");
    }

    #[test]
    fn wordpress_titles_read_as_text() {
        assert_eq!(
            html_text("Switzerland&#8217;s Mountains"),
            "Switzerland’s Mountains"
        );
        assert_eq!(
            html_text("The Land of Fire &#038; Ice"),
            "The Land of Fire & Ice"
        );
        assert_eq!(html_text("Caf&eacute; &amp; Bar &hellip;"), "Café & Bar …");
        assert_eq!(html_text("&#x1F600; &#X41;&#66"), "😀 AB");
    }

    #[test]
    fn a_headline_made_of_html_reads_only_what_the_body_shows() {
        let html = r#"<template><p>Giả</p></template><noscript>Bật JavaScript</noscript>
            <p hidden>Ẩn <b>vẫn ẩn</b></p><div data-x="a hidden b"><div class=hidden>Thật</div></div>
            <div HIDDEN=""><div>ẩn <div>sâu</div></div> còn ẩn</div><img hidden src=x> sự
            <svg><title>Hình</title></svg><span title="hidden">thật</span>"#;
        assert_eq!(html_text(html), "Thật sự thật");
        assert!(has_attribute("<p hidden>", "hidden"));
        assert!(has_attribute("<p class='a b' hidden=''>", "hidden"));
        assert!(has_attribute("<p/hidden>", "hidden"));
        assert!(!has_attribute("<p class=\"hidden\">", "hidden"));
        assert!(!has_attribute("<hidden>", "hidden"));
        assert!(!has_attribute("<p data-hidden>", "hidden"));
    }

    #[test]
    fn tags_go_their_text_stays() {
        assert_eq!(
            html_text("<p>Photo: <em>Reuters</em></p>\n<p>Second</p>"),
            "Photo: Reuters Second"
        );
        assert_eq!(html_text("Line<br/>break"), "Line break");
        assert_eq!(
            html_text(r#"<a title="a > b" href="x">link</a> text"#),
            "link text"
        );
        assert_eq!(html_text("a<!-- <b>hidden</b> -->b"), "ab");
        assert_eq!(
            html_text("x<script>alert('<p>')</script>y<STYLE>p{}</style>z"),
            "x y z"
        );
        assert_eq!(html_text("<img src=x onerror=alert(1)>Caption"), "Caption");
        assert_eq!(html_text("<a title=it's>Don't</a> stop"), "Don't stop");
    }

    #[test]
    fn what_is_not_markup_stays_text() {
        assert_eq!(html_text("a < b, I <3 it, 5<6"), "a < b, I <3 it, 5<6");
        assert_eq!(html_text("AT&T & co &nosuch; &"), "AT&T & co &nosuch; &");
        assert_eq!(html_text("&lt;b&gt; is a tag"), "<b> is a tag");
        assert_eq!(html_text("unclosed <b"), "unclosed");
        assert_eq!(html_text("a<script>never closed"), "a");
    }

    #[test]
    fn every_named_reference_has_its_character() {
        let names: Vec<&str> = NAMES.split(' ').collect();
        assert_eq!(names.len(), 253);
        assert_eq!(CHARACTERS.chars().count(), names.len());
        assert!(names.iter().all(|n| !n.is_empty() && n.len() <= MAX_NAME));
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "sorted: each name once"
        );
        assert_eq!(
            decode_entities("&AElig;&apos;&hellip;&nbsp;&quot;&zwnj;&zwnj"),
            "Æ'…\u{a0}\"\u{200c}&zwnj"
        );
    }

    #[test]
    fn out_of_range_references_are_replacement_characters() {
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999999999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(decode_entities("&#150;&#146;"), "–’");
    }
}
