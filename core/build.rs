//! Compiles the program content (content/<language>/*.toml) into one byte blob per language,
//! $OUT_DIR/content_<language>.bin (deflated), listed in $OUT_DIR/languages.rs, so the library
//! carries no TOML parser and no pointer per string: a table of the program file, the prompt
//! files' groups, the language engine's grammar and the screens' words, checked strictly here, decoded by
//! `program::node` and read into typed content by `program::content` (whose tests check the
//! content rules, and that every language has English's ids).

use std::path::Path;

include!("src/program/content/keys.rs");

const LANGUAGE: &str = "language.toml";
const HELP: &str = "help.toml";
const MODEL: &str = "language-model.bin";
const SCREENS: &str = "screens.toml";
const PROMPT_FILES: &[&str] = &["prompts-repairing.toml", "prompts-hurt.toml"];

/// Appends `value` in the content encoding `program::node` decodes: a tag byte, then
/// `s` text (u32 length, UTF-8), `i` a whole number (i64), `a` a list (u32 count, items) or
/// `t` a table (u32 count, then each key as u32 length and UTF-8, and its value); all numbers
/// little-endian. One byte blob carries no pointers, so the library needs no relocation per
/// string.
fn emit(value: &toml::Value, out: &mut Vec<u8>) -> Result<(), String> {
    match value {
        toml::Value::String(s) => {
            out.push(b's');
            put_text(s, out)
        }
        toml::Value::Integer(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
            Ok(())
        }
        // A yes or no travels as the whole number 1 or 0.
        toml::Value::Boolean(b) => emit(&toml::Value::Integer(i64::from(*b)), out),
        toml::Value::Array(items) => {
            out.push(b'a');
            put_len(items.len(), out)?;
            items.iter().try_for_each(|item| emit(item, out))
        }
        toml::Value::Table(table) => {
            out.push(b't');
            put_len(table.len(), out)?;
            for (key, item) in table {
                put_text(key, out)?;
                emit(item, out)?;
            }
            Ok(())
        }
        other => Err(format!("content may not use {}", other.type_str())),
    }
}

fn put_len(n: usize, out: &mut Vec<u8>) -> Result<(), String> {
    let n = u32::try_from(n).map_err(|_| "content too large".to_owned())?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

fn put_text(s: &str, out: &mut Vec<u8>) -> Result<(), String> {
    put_len(s.len(), out)?;
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

/// Reads a table's keys strictly: every key must be one of `allowed`.
fn table<'a>(
    value: &'a toml::Value,
    allowed: &[&str],
    what: &str,
) -> Result<&'a toml::Table, String> {
    let t = value.as_table().ok_or(format!("{what} must be a table"))?;
    if let Some(k) = t.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(format!("{what} has an unknown key {k:?}"));
    }
    Ok(t)
}

/// Checks a prompt file's shape strictly (unknown keys, missing text, minutes out of range)
/// and returns its groups.
fn prompt_groups(path: &str) -> Result<Vec<toml::Value>, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let value: toml::Value = toml::from_str(&source).map_err(|e| format!("{path}: {e}"))?;
    let top = table(&value, &["group"], path)?;
    let groups =
        top.get("group").and_then(toml::Value::as_array).ok_or(format!("{path} needs groups"))?;
    for group in groups {
        let g = table(group, GROUP_KEYS, path)?;
        g.get("stage")
            .and_then(toml::Value::as_str)
            .ok_or(format!("{path}: a group needs a stage"))?;
        let prompts = g
            .get("prompts")
            .and_then(toml::Value::as_array)
            .ok_or(format!("{path}: a group needs prompts"))?;
        for prompt in prompts {
            let p = table(prompt, PROMPT_KEYS, path)?;
            for key in ["id", "kind", "text"] {
                p.get(key).and_then(toml::Value::as_str).ok_or(format!("{path}: {key}"))?;
            }
            let minutes = p
                .get("minutes")
                .and_then(toml::Value::as_integer)
                .ok_or(format!("{path}: minutes"))?;
            u8::try_from(minutes).map_err(|_| format!("{path}: minutes out of range"))?;
        }
    }
    Ok(groups.clone())
}

/// Checks that `value` under `key` of `t` is a list of texts.
fn texts(t: &toml::Table, key: &str, what: &str) -> Result<(), String> {
    let items = t.get(key).and_then(toml::Value::as_array).ok_or(format!("{what}: {key}"))?;
    items.iter().all(toml::Value::is_str).then_some(()).ok_or(format!("{what}: {key} holds text"))
}

/// Reads the language engine's grammar file, checking its shape strictly (the rules'
/// syntax is checked when the engine compiles them, and by its tests).
fn language(path: &str) -> Result<toml::Value, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let value: toml::Value = toml::from_str(&source).map_err(|e| format!("{path}: {e}"))?;
    let top = table(&value, LANGUAGE_KEYS, path)?;
    let normalise =
        table(top.get("normalise").ok_or(format!("{path}: normalise"))?, NORMALISE_KEYS, path)?;
    let replace = normalise
        .get("replace")
        .and_then(toml::Value::as_table)
        .ok_or(format!("{path}: replace"))?;
    replace
        .values()
        .all(toml::Value::is_str)
        .then_some(())
        .ok_or(format!("{path}: replace holds text"))?;
    for key in ["clause_words", "participles", "mendable"] {
        texts(normalise, key, path)?;
    }
    let concepts =
        top.get("concepts").and_then(toml::Value::as_table).ok_or(format!("{path}: concepts"))?;
    for name in concepts.keys() {
        texts(concepts, name, &format!("{path}: concept {name}"))?;
    }
    for key in ["accepts", "figurative"] {
        texts(top, key, path)?;
    }
    top.get("nothing_found")
        .and_then(toml::Value::as_str)
        .ok_or(format!("{path}: nothing_found"))?;
    for (list, keys, lists) in [
        ("danger", DANGER_KEYS, &["rules"][..]),
        ("phrasing", PHRASING_KEYS, &["unless", "rules"][..]),
    ] {
        let groups =
            top.get(list).and_then(toml::Value::as_array).ok_or(format!("{path}: {list}"))?;
        for group in groups {
            let g = table(group, keys, path)?;
            for key in keys.iter().filter(|k| !lists.contains(k)) {
                g.get(*key).and_then(toml::Value::as_str).ok_or(format!("{path}: {list} {key}"))?;
            }
            for key in lists {
                texts(g, key, &format!("{path}: {list}"))?;
            }
        }
    }
    Ok(value)
}

/// Checks a wording's placeholders: each `{` opens a name of letters closed by `}`.
fn check_placeholders(text: &str, what: &str) -> Result<(), String> {
    for part in text.split('{').skip(1) {
        let name = part.split_once('}').map(|(name, _)| name).unwrap_or_default();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!("{what}: a placeholder is written {{name}}"));
        }
    }
    Ok(())
}

/// Flattens one table of screen words into `out`: nested tables become dotted keys
/// (`toolName.triggers`), except a counted wording, a table of plural forms with `other`.
fn flatten_words(table: &toml::Table, prefix: &str, out: &mut toml::Table) -> Result<(), String> {
    for (key, value) in table {
        let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::String(text) => check_placeholders(text, &name)?,
            toml::Value::Table(t) if t.contains_key("other") => {
                if let Some(k) = t.keys().find(|k| !PLURAL_FORMS.contains(&k.as_str())) {
                    return Err(format!("{name}: {k:?} is not a plural form"));
                }
                for text in t.values() {
                    check_placeholders(
                        text.as_str().ok_or(format!("{name}: forms are text"))?,
                        &name,
                    )?;
                }
            }
            toml::Value::Table(t) => {
                flatten_words(t, &name, out)?;
                continue;
            }
            _ => return Err(format!("{name}: words are text or plural forms")),
        }
        out.insert(name, value.clone());
    }
    Ok(())
}

/// Reads the screens' words, flattened, checking their shape strictly; Apple's own words
/// must replace common ones.
fn screens(path: &str) -> Result<toml::Value, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let value: toml::Value = toml::from_str(&source).map_err(|e| format!("{path}: {e}"))?;
    let top = table(&value, SCREENS_KEYS, path)?;
    let mut out = toml::Table::new();
    for key in SCREENS_KEYS {
        let words =
            top.get(*key).and_then(toml::Value::as_table).ok_or(format!("{path}: {key}"))?;
        let mut flat = toml::Table::new();
        flatten_words(words, "", &mut flat).map_err(|e| format!("{path}: {e}"))?;
        out.insert((*key).to_owned(), toml::Value::Table(flat));
    }
    let common = out["words"].as_table().ok_or("words")?;
    if let Some(k) =
        out["apple"].as_table().ok_or("apple")?.keys().find(|k| !common.contains_key(*k))
    {
        return Err(format!("{path}: Apple's {k:?} has no common wording"));
    }
    Ok(toml::Value::Table(out))
}

/// Compiles one language's content (`content/<lang>/`) into `content_<lang>.bin` in `dir`.
fn compile_language(lang: &str, dir: &Path) -> Result<(), String> {
    let base = format!("content/{lang}");
    let path = format!("{base}/program.toml");
    println!("cargo:rerun-if-changed={path}");
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut program: toml::Value = toml::from_str(&source).map_err(|e| format!("{path}: {e}"))?;
    // Help lives in a file of its own, read into the program's `help` table.
    let help_path = format!("{base}/{HELP}");
    println!("cargo:rerun-if-changed={help_path}");
    let help_source =
        std::fs::read_to_string(&help_path).map_err(|e| format!("{help_path}: {e}"))?;
    let help: toml::Value =
        toml::from_str(&help_source).map_err(|e| format!("{help_path}: {e}"))?;
    let help = table(&help, &["help"], &help_path)?.get("help").cloned().ok_or("help")?;
    program.as_table_mut().ok_or("program")?.insert("help".into(), help);
    let mut groups = Vec::new();
    for name in PROMPT_FILES {
        let path = format!("{base}/{name}");
        println!("cargo:rerun-if-changed={path}");
        groups.extend(prompt_groups(&path)?);
    }
    let language_path = format!("{base}/{LANGUAGE}");
    println!("cargo:rerun-if-changed={language_path}");
    let screens_path = format!("{base}/{SCREENS}");
    println!("cargo:rerun-if-changed={screens_path}");
    let mut all = toml::Table::new();
    all.insert("program".into(), program);
    all.insert("language".into(), language(&language_path)?);
    all.insert("screens".into(), screens(&screens_path)?);
    all.insert("groups".into(), toml::Value::Array(groups));
    // The trained model (if the language has one) travels as bytes beside the tables: `b`,
    // its length (u32), then the bytes.
    let model_path = format!("{base}/{MODEL}");
    println!("cargo:rerun-if-changed={model_path}");
    let model = std::fs::read(&model_path).ok();
    let mut out = vec![b't'];
    put_len(all.len() + usize::from(model.is_some()), &mut out)?;
    for (key, value) in &all {
        put_text(key, &mut out)?;
        emit(value, &mut out).map_err(|e| format!("{base}: {e}"))?;
    }
    if let Some(model) = model {
        put_text("model", &mut out)?;
        out.push(b'b');
        put_len(model.len(), &mut out)?;
        out.extend_from_slice(&model);
    }
    // Deflated (raw DEFLATE, best level): text shrinks to about a quarter, and the library
    // keeps the compressed bytes; the core inflates them once, at first use. The first four
    // bytes are the inflated length, little-endian, so the core can bound the inflation.
    let mut packed = (out.len() as u32).to_le_bytes().to_vec();
    packed.extend(miniz_oxide::deflate::compress_to_vec(&out, 10));
    std::fs::write(dir.join(format!("content_{lang}.bin")), packed).map_err(|e| e.to_string())
}

/// Compiles every language under `content/` (a folder named by its language code, each with
/// the same files) and writes `languages.rs`: the bundled languages and their blobs.
fn main() -> Result<(), String> {
    println!("cargo:rerun-if-changed=content");
    let dir = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    let dir = Path::new(&dir);
    let mut languages: Vec<String> = std::fs::read_dir("content")
        .map_err(|e| format!("content: {e}"))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    languages.sort();
    if !languages.iter().any(|l| l == "en") {
        return Err("content/en is missing".to_owned());
    }
    // Compiled either way (the examples write the files the apps carry), built in only
    // with the `bundled-content` feature.
    let built_in = std::env::var_os("CARGO_FEATURE_BUNDLED_CONTENT").is_some();
    let mut table = String::from(
        "/// The languages built into the library and their compiled content, English first.\n\
         static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    languages.sort_by_key(|l| l != "en");
    for lang in &languages {
        let well_formed =
            (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !well_formed {
            return Err(format!("content/{lang}: a language folder is named by its code"));
        }
        compile_language(lang, dir)?;
        if !built_in {
            continue;
        }
        table.push_str(&format!(
            "    (\"{lang}\", include_bytes!(concat!(env!(\"OUT_DIR\"), \"/content_{lang}.bin\"))),\n"
        ));
    }
    table.push_str("];\n");
    std::fs::write(dir.join("languages.rs"), table).map_err(|e| e.to_string())
}
