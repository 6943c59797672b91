//! The compiled-in content (made by build.rs from the TOML files): the program file as a
//! static tree with strict readers (unknown keys and wrong types are errors), and the prompts
//! as compact typed tables.

use crate::error::{Error, Result};

/// One value of a content file.
#[derive(Debug)]
pub enum Node {
    /// Text.
    Str(&'static str),
    /// A whole number.
    Int(i64),
    /// A list.
    Array(&'static [Node]),
    /// Named values.
    Table(&'static [(&'static str, Node)]),
}

/// A group of prompts as compiled in: who they are for and what they are about.
#[derive(Debug)]
pub struct RawGroup {
    /// `repairing` or `hurt`.
    pub role: &'static str,
    /// The step's key, for the repairing partner's prompts.
    pub step: Option<&'static str>,
    /// The theme's key, for the hurt partner's prompts.
    pub theme: Option<&'static str>,
    /// The prompts.
    pub prompts: &'static [RawPrompt],
}

/// One prompt as compiled in.
#[derive(Debug)]
pub struct RawPrompt {
    /// Its stable id.
    pub id: &'static str,
    /// `action`, `conversation` or `reflection`.
    pub kind: &'static str,
    /// Roughly how many minutes.
    pub minutes: u8,
    /// The prompt.
    pub text: &'static str,
    /// A question to reflect on afterwards.
    pub follow_up: Option<&'static str>,
}

const BAD: Error = Error::Damaged("the built-in program content is malformed");

/// The named values of a table, checked against the keys it may have.
pub struct Fields(&'static [(&'static str, Node)]);

impl Node {
    /// This node as a table with only `allowed` keys.
    pub fn fields(&'static self, allowed: &[&str]) -> Result<Fields> {
        match self {
            Node::Table(entries) if entries.iter().all(|(k, _)| allowed.contains(k)) => {
                Ok(Fields(entries))
            }
            _ => Err(BAD),
        }
    }

    /// This node as a list.
    pub fn items(&'static self) -> Result<&'static [Node]> {
        match self {
            Node::Array(items) => Ok(items),
            _ => Err(BAD),
        }
    }

    fn text(&self) -> Result<String> {
        match self {
            Node::Str(s) => Ok((*s).to_owned()),
            _ => Err(BAD),
        }
    }
}

impl Fields {
    /// The value under `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'static Node> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The required value under `key`.
    pub fn node(&self, key: &str) -> Result<&'static Node> {
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

    /// Required text.
    pub fn text(&self, key: &str) -> Result<String> {
        self.node(key)?.text()
    }

    /// A required list of texts.
    pub fn texts(&self, key: &str) -> Result<Vec<String>> {
        self.node(key)?.items()?.iter().map(Node::text).collect()
    }

    /// A required whole number that fits `T`.
    pub fn number<T: TryFrom<i64>>(&self, key: &str) -> Result<T> {
        match self.node(key)? {
            Node::Int(i) => T::try_from(*i).map_err(|_| BAD),
            _ => Err(BAD),
        }
    }
}
