//! XML parsed by `roxmltree`, natively (tests, tools). Never in the wasm
//! bundle: the browser has its own parser (`dom.rs`).

use roxmltree::{Document, Node, NodeType, ParsingOptions};

use super::{prepare, read, Child, Element};
use crate::formats::FormatError;
use crate::model::Feed;

/// More nodes than a 5 MB feed can hold; a bound on memory whatever the input.
const MAX_NODES: u32 = 2_000_000;

/// Parses an RSS or Atom document with `roxmltree` and adapts it.
pub(crate) fn parse(text: &str) -> Result<Feed, FormatError> {
    let text = prepare(text)?;
    let text = text.as_ref();
    let options = ParsingOptions {
        // DTDs are read for their entity declarations only (see
        // `check_entities`); nothing external is ever loaded, as no entity
        // resolver is given.
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|e| {
        let position = e.pos();
        let full = e.to_string();
        let message = match full.rfind(" at ") {
            Some(at) if full[at + 4..].contains(':') => full[..at].to_owned(),
            _ => full,
        };
        FormatError::InvalidXml {
            message,
            line: position.row as usize,
            column: position.col as usize,
        }
    })?;
    read(document.root_element())
}

impl Element for Node<'_, '_> {
    fn namespace(&self) -> String {
        self.tag_name().namespace().unwrap_or("").to_owned()
    }

    fn local_name(&self) -> String {
        self.tag_name().name().to_owned()
    }

    fn attribute(&self, namespace: Option<&str>, name: &str) -> Option<String> {
        match namespace {
            Some(ns) => Node::attribute(self, (ns, name)),
            None => Node::attribute(self, name),
        }
        .map(str::to_owned)
    }

    fn plain_attributes(&self) -> Vec<(String, String)> {
        self.attributes()
            .filter(|a| a.namespace().is_none())
            .map(|a| (a.name().to_owned(), a.value().to_owned()))
            .collect()
    }

    fn nodes(&self) -> Vec<Child<Self>> {
        self.children()
            .filter_map(|n| match n.node_type() {
                NodeType::Element => Some(Child::Element(n)),
                NodeType::Text => Some(Child::Text(n.text().unwrap_or("").to_owned())),
                _ => None,
            })
            .collect()
    }

    fn children(&self) -> Vec<Self> {
        Node::children(self).filter(Node::is_element).collect()
    }

    fn text(&self) -> String {
        self.descendants()
            .filter(Node::is_text)
            .filter_map(|n| n.text())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roxmltree_itself_stops_billion_laughs() {
        let mut doc =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_owned()
            } else {
                format!("lol{}", i - 1)
            };
            doc.push_str(&format!(
                " <!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        doc.push_str("]>\n<lolz>&lol9;</lolz>");
        let options = ParsingOptions {
            allow_dtd: true,
            ..ParsingOptions::default()
        };
        let err = Document::parse_with_options(&doc, options).unwrap_err();
        assert!(
            matches!(err, roxmltree::Error::EntityReferenceLoop(_)),
            "{err}"
        );
        // And the widget refuses it before parsing, with where it is.
        assert!(matches!(
            parse(&doc),
            Err(FormatError::XmlEntities { line: 4, .. })
        ));
    }

    #[test]
    fn malformed_xml_says_where() {
        let err =
            parse("<rss version=\"2.0\">\n  <channel>\n    <title>A</titel>\n</rss>").unwrap_err();
        let FormatError::InvalidXml { line, message, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, 3, "{message}");
        assert!(err.to_string().contains("line 3"), "{err}");
    }
}
