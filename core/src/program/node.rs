//! The compiled-in content: one byte blob made by build.rs from the TOML files, decoded once
//! into a tree whose texts borrow from the blob, with strict readers (unknown keys and wrong
//! types are errors). A blob rather than static tables: a pointer per string would cost the
//! phone library a relocation and a fat pointer each.

use crate::encoding::Reader;
use crate::error::{Error, Result};

/// One value of a content file.
#[derive(Debug)]
pub enum Node {
    /// Text.
    Str(&'static str),
    /// Bytes (a language's trained model).
    Bytes(&'static [u8]),
    /// A whole number.
    Int(i64),
    /// A list.
    Array(Vec<Node>),
    /// Named values.
    Table(Vec<(&'static str, Node)>),
}

const BAD: Error = Error::Damaged("the built-in program content is malformed");

/// How deeply content may nest (the files use four levels).
const MAX_DEPTH: u32 = 8;

fn decode(r: &mut Reader<'static>, depth: u32) -> Result<Node> {
    if depth > MAX_DEPTH {
        return Err(BAD);
    }
    Ok(match r.u8()? {
        b's' => Node::Str(r.str()?),
        b'b' => Node::Bytes(r.bytes()?),
        b'i' => Node::Int(r.i64()?),
        b'a' => {
            let n = r.u32()? as usize;
            let mut items = Vec::with_capacity(n.min(r.remaining()));
            for _ in 0..n {
                items.push(decode(r, depth + 1)?);
            }
            Node::Array(items)
        }
        b't' => {
            let n = r.u32()? as usize;
            let mut entries = Vec::with_capacity(n.min(r.remaining()));
            for _ in 0..n {
                let key = r.str()?;
                entries.push((key, decode(r, depth + 1)?));
            }
            Node::Table(entries)
        }
        _ => return Err(BAD),
    })
}

/// The named values of a table, checked against the keys it may have.
pub struct Fields<'a>(&'a [(&'static str, Node)]);

impl Node {
    /// Decodes a whole blob, which must hold exactly one value.
    pub fn decode(blob: &'static [u8]) -> Result<Node> {
        let mut r = Reader::new(blob);
        let node = decode(&mut r, 0)?;
        r.finish().map_err(|_| BAD)?;
        Ok(node)
    }

    /// This node as a table with only `allowed` keys.
    pub fn fields(&self, allowed: &[&str]) -> Result<Fields<'_>> {
        match self {
            Node::Table(entries) if entries.iter().all(|(k, _)| allowed.contains(k)) => {
                Ok(Fields(entries))
            }
            _ => Err(BAD),
        }
    }

    /// This node as a list.
    pub fn items(&self) -> Result<&[Node]> {
        match self {
            Node::Array(items) => Ok(items),
            _ => Err(BAD),
        }
    }

    /// This node as text.
    pub fn text(&self) -> Result<String> {
        match self {
            Node::Str(s) => Ok((*s).to_owned()),
            _ => Err(BAD),
        }
    }
}

impl<'a> Fields<'a> {
    /// The value under `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The required value under `key`.
    pub fn node(&self, key: &str) -> Result<&'a Node> {
        self.get(key).ok_or(BAD)
    }

    /// Reads every table in the list under `key`, each with only `allowed` keys, with `read`.
    pub fn each<T>(
        &self,
        key: &str,
        allowed: &[&str],
        read: impl Fn(&Fields) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.node(key)?.items()?.iter().map(|n| read(&n.fields(allowed)?)).collect()
    }

    /// The entries of the table under `key`, each with its name.
    pub fn entries(&self, key: &str) -> Result<&'a [(&'static str, Node)]> {
        match self.node(key)? {
            Node::Table(entries) => Ok(entries),
            _ => Err(BAD),
        }
    }

    /// Optional bytes.
    pub fn opt_bytes(&self, key: &str) -> Result<Option<&'static [u8]>> {
        match self.get(key) {
            None => Ok(None),
            Some(Node::Bytes(b)) => Ok(Some(b)),
            Some(_) => Err(BAD),
        }
    }

    /// Required text.
    pub fn text(&self, key: &str) -> Result<String> {
        self.node(key)?.text()
    }

    /// Optional text.
    pub fn opt_text(&self, key: &str) -> Result<Option<String>> {
        self.get(key).map(Node::text).transpose()
    }

    /// A required list of texts.
    pub fn texts(&self, key: &str) -> Result<Vec<String>> {
        self.node(key)?.items()?.iter().map(Node::text).collect()
    }

    /// An optional yes or no (build.rs encodes `true` as 1 and `false` as 0); absent is no.
    pub fn flag(&self, key: &str) -> Result<bool> {
        match self.get(key) {
            None | Some(Node::Int(0)) => Ok(false),
            Some(Node::Int(1)) => Ok(true),
            Some(_) => Err(BAD),
        }
    }

    /// A required whole number that fits `T`.
    pub fn number<T: TryFrom<i64>>(&self, key: &str) -> Result<T> {
        match self.node(key)? {
            Node::Int(i) => T::try_from(*i).map_err(|_| BAD),
            _ => Err(BAD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_decodes_strictly() {
        static GOOD: &[u8] = b"t\x01\x00\x00\x00\x01\x00\x00\x00ka\x02\x00\x00\x00s\x02\x00\x00\x00hii\x07\x00\x00\x00\x00\x00\x00\x00";
        let node = Node::decode(GOOD).unwrap();
        let f = node.fields(&["k"]).unwrap();
        let items = f.node("k").unwrap().items().unwrap();
        assert!(matches!(items, [Node::Str("hi"), Node::Int(7)]));
        assert!(node.fields(&["other"]).is_err());
        static TRAILING: &[u8] = b"i\x01\x00\x00\x00\x00\x00\x00\x00\x00";
        static SHORT: &[u8] = b"s\x09\x00\x00\x00hi";
        static UNKNOWN: &[u8] = b"x";
        for bad in [TRAILING, SHORT, UNKNOWN] {
            assert!(Node::decode(bad).is_err());
        }
    }
}
