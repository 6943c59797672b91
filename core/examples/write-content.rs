//! Writes the compiled program content of every language built into the core, one file per
//! language (`DIR/<code>.mendcontent`), for the phone apps to carry: their library is built
//! without content and installs these files at start.
//!
//! ```sh
//! cargo run -p mend-core --release --example write-content -- DIR
//! ```

#![allow(missing_docs, clippy::print_stdout, clippy::expect_used)]

fn main() {
    let dir = std::env::args().nth(1).expect("usage: write-content DIR");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    for (code, blob) in mend_core::program::content::built_in_blobs() {
        let path = std::path::Path::new(&dir).join(format!("{code}.mendcontent"));
        std::fs::write(&path, blob).expect("the file can be written");
        println!("{}", path.display());
    }
}
