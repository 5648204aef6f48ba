//! XML parsed by the browser's `DOMParser` (`application/xml`), in the
//! widget: no parser in the bundle, and the browser's own limits on entity
//! expansion and depth on top of `check_entities`.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, SupportedType};

use super::{prepare, read, Child, Element};
use crate::formats::FormatError;
use crate::model::Feed;

/// Where Chromium and WebKit put their `<parsererror>`, and where Firefox does.
const ERROR_NAMESPACES: [&str; 2] = [
    "http://www.w3.org/1999/xhtml",
    "http://www.mozilla.org/newlayout/xml/parsererror.xml",
];

const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

/// Parses an RSS or Atom document with `DOMParser` and adapts it.
pub(crate) fn parse(text: &str) -> Result<Feed, FormatError> {
    let text = prepare(text)?;
    let text = text.as_ref();
    let unreadable = || FormatError::InvalidXml {
        message: "the browser could not parse it".to_owned(),
        line: 1,
        column: 1,
    };
    let parser = DomParser::new().map_err(|_| unreadable())?;
    let document = parser
        .parse_from_string(text, SupportedType::ApplicationXml)
        .map_err(|_| unreadable())?;
    for namespace in ERROR_NAMESPACES {
        let errors = document.get_elements_by_tag_name_ns(Some(namespace), "parsererror");
        if let Some(error) = errors.ok().and_then(|e| e.item(0)) {
            return Err(parser_error(&error.text_content().unwrap_or_default()));
        }
    }
    read(document.document_element().ok_or_else(unreadable)?)
}

/// The report in a `<parsererror>` as [`FormatError::InvalidXml`]. Chromium
/// writes "error on line 3 at column 18: Opening and ending tag mismatch…";
/// Firefox "XML Parsing Error: mismatched tag… Line Number 3, Column 18:".
fn parser_error(report: &str) -> FormatError {
    if let Some(at) = report.find("error on line ") {
        let rest = &report[at + "error on line ".len()..];
        let line = leading_number(rest);
        let column = rest
            .find(" at column ")
            .map_or(1, |c| leading_number(&rest[c + " at column ".len()..]));
        let message = rest
            .split_once(": ")
            .map_or("", |(_, m)| m)
            .lines()
            .next()
            .unwrap_or("");
        return invalid(message, line, column);
    }
    if let Some(at) = report.find("Line Number ") {
        let rest = &report[at + "Line Number ".len()..];
        let column = rest
            .find("Column ")
            .map_or(1, |c| leading_number(&rest[c + "Column ".len()..]));
        let message = report
            .strip_prefix("XML Parsing Error: ")
            .unwrap_or(report)
            .lines()
            .next()
            .unwrap_or("");
        return invalid(message, leading_number(rest), column);
    }
    invalid(report.lines().next().unwrap_or(""), 1, 1)
}

fn invalid(message: &str, line: usize, column: usize) -> FormatError {
    let message = message.trim();
    FormatError::InvalidXml {
        message: if message.is_empty() {
            "not well-formed".to_owned()
        } else {
            message.to_owned()
        },
        line: line.max(1),
        column: column.max(1),
    }
}

fn leading_number(text: &str) -> usize {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1)
}

impl Element for web_sys::Element {
    fn namespace(&self) -> String {
        self.namespace_uri().unwrap_or_default()
    }

    fn local_name(&self) -> String {
        web_sys::Element::local_name(self)
    }

    fn attribute(&self, namespace: Option<&str>, name: &str) -> Option<String> {
        self.get_attribute_ns(namespace, wasm_bindgen::intern(name))
    }

    fn plain_attributes(&self) -> Vec<(String, String)> {
        self.get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            // Prefixed names are in a namespace, and `xmlns` declares one.
            .filter(|name| !name.contains(':') && name != "xmlns")
            .filter_map(|name| {
                let value = self.get_attribute_ns(None, &name)?;
                Some((name, value))
            })
            .collect()
    }

    fn nodes(&self) -> Vec<Child<Self>> {
        let list = self.child_nodes();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| match node.node_type() {
                ELEMENT_NODE => node.dyn_into().ok().map(Child::Element),
                TEXT_NODE | CDATA_SECTION_NODE => {
                    Some(Child::Text(node.node_value().unwrap_or_default()))
                }
                _ => None,
            })
            .collect()
    }

    fn children(&self) -> Vec<Self> {
        let list = web_sys::Element::children(self);
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }
}
