//! The SQLite file: its settings, its schema and migrations, and sealed record rows.
//!
//! Only three kinds of data are stored outside envelopes: the random vault id, the key slots
//! (salts, KDF parameters, wrapped keys) and the attempt counter. Everything a person wrote,
//! chose or scored is inside a sealed record.

pub mod db;
pub mod records;
pub mod schema;
