//! Prints which grammar rules of the language engine match each line of standard input, and
//! the words each matched: for whoever tunes `content/en/language.toml`.
//!
//! ```sh
//! echo "I just want to sleep and not come back" | cargo run -p mend-core --example explain-language
//! ```

#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]

use std::io::BufRead;

use mend_core::language::Engine;

fn main() {
    let engine = Engine::current().unwrap();
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        println!("{line}");
        for (rule, words) in engine.explain(&line) {
            println!("    {rule}    [{words}]");
        }
        let found = engine.read(&line);
        println!(
            "    => danger {:?}, phrasing {:?}",
            found.danger,
            found.phrasing.iter().map(|f| f.reason).collect::<Vec<_>>()
        );
    }
}
