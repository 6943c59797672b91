//! The terminal client end to end: the real binary, driven as a script or a person would.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "cli-passcode-1";

fn mend(dir: &Path, args: &[&str], envs: &[(&str, &str)], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mend"));
    cmd.arg("--vault").arg(dir).args(args);
    cmd.env_remove("MEND_PASSCODE").env_remove("MEND_NEW_PASSCODE").env_remove("MEND_VAULT");
    cmd.env_remove("MEND_RECOVERY_CODE");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(out: Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn init(dir: &Path) -> String {
    let out = ok(mend(
        dir,
        &["init", "--role", "hurt", "--kdf-memory-kib", "256", "--kdf-iterations", "1"],
        &[("MEND_PASSCODE", PASS)],
        "",
    ));
    recovery_code_in(&out)
}

/// The recovery code a command printed.
fn recovery_code_in(out: &str) -> String {
    let code = out.lines().map(str::trim).find(|l| l.len() == 34 && l.matches('-').count() == 6);
    code.expect("the recovery code is printed").to_owned()
}

#[test]
fn notes_can_be_written_listed_shown_edited_searched_and_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let p = [("MEND_PASSCODE", PASS)];
    let added = json(mend(
        &dir,
        &["note", "add", "--step", "5", "--json"],
        &p,
        r#"{"title": "Évening", "body": "We listened 🙏", "tags": ["walk"]}"#,
    ));
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(added["title"], "Évening");
    assert_eq!(added["step"], 5);
    ok(mend(&dir, &["note", "add"], &p, r#"{"title": "Other", "body": "something else"}"#));

    let list = json(mend(&dir, &["note", "list", "--json"], &p, ""));
    assert_eq!(list["total"], 2);
    assert_eq!(list["notes"][1]["id"], id.as_str());
    for key in ["id", "title", "step", "tags", "created_at", "updated_at"] {
        assert!(list["notes"][0].get(key).is_some(), "{key} missing from --json output");
    }
    let filtered = json(mend(&dir, &["note", "list", "--step", "5", "--json"], &p, ""));
    assert_eq!(filtered["total"], 1);

    let shown = json(mend(&dir, &["note", "show", &id, "--json"], &p, ""));
    assert_eq!(shown["body"], "We listened 🙏");

    ok(mend(
        &dir,
        &["note", "edit", &id, "--clear-tags"],
        &p,
        r#"{"title": "Morning", "body": "new words"}"#,
    ));
    let shown = json(mend(&dir, &["note", "show", &id, "--json"], &p, ""));
    assert_eq!(
        (shown["title"].as_str(), shown["body"].as_str()),
        (Some("Morning"), Some("new words"))
    );
    assert_eq!(shown["step"], 5);
    assert_eq!(shown["tags"].as_array().unwrap().len(), 0);

    let found = json(mend(&dir, &["note", "search", "--json"], &p, r#"{"words": "NEW words"}"#));
    assert_eq!(found["total"], 1);
    assert_eq!(found["notes"][0]["id"], id.as_str());
    // Text never comes from the command line: an option for it is not understood.
    let refused = mend(&dir, &["note", "add", "--title", "PRIVATETITLE"], &p, "");
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(!stderr.contains("PRIVATETITLE") && stderr.contains("--title"), "{stderr}");
    let malformed = mend(&dir, &["note", "add"], &p, "PRIVATE BODY, not JSON");
    assert_eq!(malformed.status.code(), Some(6));
    assert!(!String::from_utf8(malformed.stderr).unwrap().contains("PRIVATE"));
    let not_utf8 = Command::new(env!("CARGO_BIN_EXE_mend"))
        .args(["note", "add"])
        .env("MEND_VAULT", &dir)
        .env("MEND_PASSCODE", PASS)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(&[0xff, 0xfe, b'{'])?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(not_utf8.status.code(), Some(6));

    ok(mend(&dir, &["note", "delete", &id], &p, ""));
    let out = mend(&dir, &["note", "show", &id], &p, "");
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn errors_go_to_stderr_with_distinct_exit_codes_and_no_user_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let none = mend(&dir, &["note", "list"], &[("MEND_PASSCODE", PASS)], "");
    assert_eq!(none.status.code(), Some(7));
    init(&dir);
    let wrong = mend(&dir, &["note", "list"], &[("MEND_PASSCODE", "not-it-at-all")], "");
    assert_eq!(wrong.status.code(), Some(3));
    assert!(wrong.stdout.is_empty());
    let stderr = String::from_utf8(wrong.stderr).unwrap();
    assert!(stderr.contains("4 tries left"), "{stderr}");
    assert!(!stderr.contains("not-it-at-all"));

    let secret_title = "SECRETTITLE".repeat(30);
    let form = format!(r#"{{"title": "{secret_title}", "body": "body"}}"#);
    let bad = mend(&dir, &["note", "add"], &[("MEND_PASSCODE", PASS)], &form);
    assert_eq!(bad.status.code(), Some(6));
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(
        stderr.contains("title must be at most 200 characters") && !stderr.contains("SECRET"),
        "{stderr}"
    );

    // The successful add reset the count; five more wrong tries start the delay.
    for _ in 0..5 {
        mend(&dir, &["note", "list"], &[("MEND_PASSCODE", "not-it-at-all")], "");
    }
    let waiting = mend(&dir, &["note", "list"], &[("MEND_PASSCODE", PASS)], "");
    assert_eq!(waiting.status.code(), Some(4));
    let status = json(mend(&dir, &["status", "--json"], &[], ""));
    assert_eq!(status["failed_attempts"], 5);
    assert!(status["retry_at_ms"].as_i64().is_some());
}

#[test]
fn recovery_passcode_change_and_erase_work_from_scripts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let first_code = init(&dir);
    ok(mend(&dir, &["note", "add"], &[("MEND_PASSCODE", PASS)], r#"{"title": "kept"}"#));
    let changed = ok(mend(
        &dir,
        &["passcode", "change"],
        &[("MEND_PASSCODE", PASS), ("MEND_NEW_PASSCODE", "second-pass")],
        "",
    ));
    // The change rekeyed the vault: a new recovery code replaces the first one.
    let code = recovery_code_in(&changed);
    assert_ne!(code, first_code);
    let stale = mend(
        &dir,
        &["recover"],
        &[("MEND_RECOVERY_CODE", &first_code), ("MEND_NEW_PASSCODE", "third-pass")],
        "",
    );
    assert_eq!(stale.status.code(), Some(3));
    let out = ok(mend(
        &dir,
        &["recover"],
        &[("MEND_RECOVERY_CODE", &code.to_lowercase()), ("MEND_NEW_PASSCODE", "third-pass")],
        "",
    ));
    assert!(!out.contains(&code), "the old code must not be shown again");
    let list =
        json(mend(&dir, &["note", "list", "--json"], &[("MEND_PASSCODE", "third-pass")], ""));
    assert_eq!(list["total"], 1);
    let reused = mend(
        &dir,
        &["recover"],
        &[("MEND_RECOVERY_CODE", &code), ("MEND_NEW_PASSCODE", "fourth-pass")],
        "",
    );
    assert_eq!(reused.status.code(), Some(3));

    assert!(!mend(&dir, &["erase"], &[], "").status.success());
    ok(mend(&dir, &["erase", "--yes"], &[], ""));
    assert!(!dir.join("vault.db").exists());
    assert!(key_files(&dir).is_empty());
}

#[test]
fn the_interactive_client_onboards_then_writes_reads_and_locks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let p = [("MEND_PASSCODE", PASS)];
    // Onboarding: role 1, Enter after the recovery code; then write a note and quit.
    let script = "1\n\n1\nA quiet walk\n4\nwalk\nWe walked without phones.\n.\n2\n\n4\n1\nq\n";
    let out = ok(mend(&dir, &[], &p, script));
    assert!(out.contains("Welcome to Mend."));
    assert!(out.contains("Your recovery code"));
    assert!(out.contains("Saved."));
    assert!(out.contains("We walked without phones."));
    assert!(out.trim_end().ends_with("Locked. Take care of yourself."));

    // The menu checks in, refusing scores above 10.
    let out = ok(mend(
        &dir,
        &[],
        &[("MEND_PASSCODE", PASS), ("MEND_TZ", "UTC")],
        "c\n4\n11\n3\n6\nquiet day\nq\n",
    ));
    assert!(out.contains("Please type a number from 0 to 10."));
    assert!(out.contains("Thank you for checking in."));
    let listed = json(mend(&dir, &["checkin", "--json"], &p, ""));
    assert_eq!((listed[0]["safety"].as_u64(), listed[0]["trust"].as_u64()), (Some(4), Some(3)));

    // Logs and worksheets: a remorse letter draft is saved and its phrasing checked.
    let letter = "l\n5\ny\nI lied to you.\nYou stopped sleeping.\nIt was a mistake.\nI answer every question.\nq\n";
    let out = ok(mend(&dir, &[], &p, letter));
    assert!(out.contains("worth another look") && out.contains("\"mistake\""), "{out}");
    assert!(!out.contains("\"You stopped\""), "describing the harm is not blame");
    let out = ok(mend(&dir, &[], &p, "l\n5\nn\nq\n"));
    assert!(out.contains("What I did: I lied to you."), "{out}");

    // A second run goes straight to unlock; searching and deleting work by list number.
    let out = ok(mend(&dir, &[], &p, "3\nphones\n6\n1\ny\n2\nq\n"));
    assert!(out.contains("You have 1 note."), "{out}");
    assert!(out.contains("Deleted."));
    assert!(out.contains("No notes here yet."));
}

#[test]
fn todays_prompt_practice_steps_and_progress_from_scripts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let p = [("MEND_PASSCODE", PASS), ("MEND_TZ", "Europe/Berlin")];
    let today = json(mend(&dir, &["today", "--json"], &p, ""));
    let id = today["id"].as_str().unwrap().to_owned();
    assert_eq!(today["outcome"], "shown");
    assert_eq!(today["alternative"], false);
    assert_eq!(today["more_available"], true);
    assert!(today["text"].as_str().unwrap().len() > 20);
    assert_eq!(
        json(mend(&dir, &["today", "--json"], &p, ""))["id"],
        id.as_str(),
        "the same all day"
    );
    let other = json(mend(&dir, &["today", "--another", "--json"], &p, ""));
    assert_ne!(other["id"], id.as_str());
    assert_eq!(other["alternative"], true);
    let skipped =
        json(mend(&dir, &["skip", "--prompt", other["id"].as_str().unwrap(), "--json"], &p, ""));
    assert_eq!(skipped["outcome"], "skipped");
    let done =
        json(mend(&dir, &["done", "--json"], &p, r#"{"response": "We talked, and I listened."}"#));
    assert_eq!(done["id"], id.as_str());
    assert_eq!(done["outcome"], "done");
    assert_eq!(done["response"], "We talked, and I listened.");

    let progress = json(mend(&dir, &["progress", "--json"], &p, ""));
    assert_eq!(progress["days_practised_last_7"], 1);
    assert_eq!(progress["milestones"][0]["key"], "first-practice");
    assert_eq!(
        progress["focuses"].as_array().unwrap().len(),
        mend_ffi::program_themes().unwrap().len(),
        "the hurt partner's vault shows every theme"
    );
    assert!(progress["focuses"][0]["theme"].is_string());

    let steps = json(mend(&dir, &["steps", "--json"], &[], ""));
    assert_eq!(steps.as_array().unwrap().len(), 6);
    let step = json(mend(&dir, &["step", "5", "--json"], &[], ""));
    assert_eq!(step["key"], "validation");
    assert!(step["phrases"].as_array().unwrap().len() >= 5);
    let honesty = ok(mend(&dir, &["step", "1"], &[], ""));
    assert!(honesty.contains("Going deeper: Preparing one full disclosure"), "{honesty}");
    let bad_zone =
        mend(&dir, &["today"], &[("MEND_PASSCODE", PASS), ("MEND_TZ", "Nowhere/Atall")], "");
    assert_eq!(bad_zone.status.code(), Some(6));
}

#[test]
fn the_letter_check_points_at_phrasing_to_revisit() {
    let tmp = tempfile::tempdir().unwrap();
    let check = json(mend(
        tmp.path(),
        &["letter", "check", "--json"],
        &[],
        "I'm sorry if you were hurt. Please forgive me.",
    ));
    let flags = check["flags"].as_array().unwrap();
    let reasons: Vec<&str> = flags.iter().map(|f| f["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["conditional", "asks-forgiveness"]);
    assert!(flags[0]["excerpt"].as_str().unwrap().contains("if"));
    assert!(flags[0]["label"].as_str().unwrap().contains("conditional"));
    assert!(!flags[0]["suggestion"].as_str().unwrap().is_empty());
    assert!(check["help"].is_null());
    // When nothing is flagged, it says what that does not mean: never that the letter is fine.
    let clean = ok(mend(
        tmp.path(),
        &["letter", "check"],
        &[],
        "I lied to you for two years, and I chose to.",
    ));
    assert!(clean.contains("not every one") && !clean.contains("fine"), "{clean}");
    // Words of self-harm are answered with help first, not as a style note.
    let help = ok(mend(tmp.path(), &["letter", "check"], &[], "I dont deserve to live."));
    assert!(help.contains("crisis line"), "{help}");
    assert!(!help.contains("worth another look"), "{help}");
    // A threat gets help and no writing tips at all.
    let threat = json(mend(
        tmp.path(),
        &["letter", "check", "--json"],
        &[],
        "I'll make your life hell if you see a lawyer, so please forgive me.",
    ));
    assert!(threat["flags"].as_array().unwrap().is_empty(), "{threat}");
    assert!(threat["help"]["danger"].as_array().unwrap().contains(&"threat-or-control".into()));
}

#[test]
fn the_safety_check_names_kinds_never_the_text_and_support_follows_the_place() {
    let tmp = tempfile::tempdir().unwrap();
    let found = json(mend(
        tmp.path(),
        &["safety", "check", "--json"],
        &[],
        "MARKER-7 I just want to sleep and not come back",
    ));
    assert_eq!(found["danger"], serde_json::json!(["self-harm"]));
    let text = ok(mend(
        tmp.path(),
        &["safety", "check"],
        &[],
        "MARKER-7 he said he'll take the kids if I leave",
    ));
    assert!(text.contains("threat-or-control") && !text.contains("MARKER-7"), "{text}");
    let calm = ok(mend(tmp.path(), &["safety", "check"], &[], "We walked the dog and talked."));
    assert!(calm.contains("No danger signals"), "{calm}");
    // Support needs no vault; the time zone's country comes first, then the locale's region,
    // and --region over both.
    let support = |envs: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["support"];
        all.extend_from_slice(args);
        ok(mend(tmp.path(), &all, envs, ""))
    };
    let first_line = |out: &str| out.lines().find(|l| l.starts_with("  - ")).unwrap().to_owned();
    let nz = support(&[("LANG", "en_NZ.UTF-8"), ("LC_ALL", ""), ("MEND_TZ", "UTC")], &[]);
    assert!(first_line(&nz).contains("111") && first_line(&nz).contains("checked"), "{nz}");
    let berlin =
        support(&[("LANG", "en_US.UTF-8"), ("LC_ALL", ""), ("MEND_TZ", "Europe/Berlin")], &[]);
    assert!(first_line(&berlin).contains("112"), "{berlin}");
    let gb = support(&[("LANG", "en_US.UTF-8"), ("MEND_TZ", "UTC")], &["--region", "GB"]);
    assert!(first_line(&gb).contains("999"), "{gb}");
    // The same words as the apps: the coercion guidance, the advice for a watched phone.
    for words in [
        "findahelpline.com",
        "When to get help now",
        "freely given",
        "If someone may check this phone",
    ] {
        assert!(nz.contains(words), "{words}: {nz}");
    }
    let get_help = nz.find("Get help now").unwrap();
    assert!(get_help < nz.find("When to get help now").unwrap(), "the lines come first");
    assert!(!nz.contains("below"), "no line points below at lines printed above");
}

#[test]
fn every_command_that_saves_free_text_offers_help_after_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let env = [("MEND_PASSCODE", PASS), ("MEND_TZ", "Europe/London"), ("LANG", "en_GB.UTF-8")];
    let out = mend(
        &dir,
        &["note", "add"],
        &env,
        r#"{"title": "Tonight", "body": "I keep thinking about the pills in the cabinet"}"#,
    );
    assert_eq!(out.status.code(), Some(0), "help never changes the exit code");
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.lines().count(), 1, "standard output is still the new id: {stdout}");
    assert!(stderr.contains("saved") && stderr.contains("Samaritans"), "{stderr}");
    assert!(!stderr.contains("pills"), "the card never repeats what was written");
    let listed = json(mend(&dir, &["note", "list", "--json"], &env, ""));
    assert_eq!(listed["total"], 1, "the note was saved");
    let saved = json(mend(
        &dir,
        &["checkin", "--safety", "1", "--trust", "5", "--connection", "5", "--json"],
        &env,
        r#"{"note": "ok"}"#,
    ));
    assert!(saved["help"]["title"].is_string(), "low safety brings the card: {saved}");
    let calm = json(mend(
        &dir,
        &["checkin", "--safety", "8", "--trust", "7", "--connection", "7", "--json"],
        &env,
        r#"{"note": "a quiet evening"}"#,
    ));
    assert!(calm.get("help").is_none(), "{calm}");
    let trigger = mend(
        &dir,
        &["triggers", "add", "--intensity", "9"],
        &env,
        r#"{"what": "he said he'd take the kids if I go to a lawyer"}"#,
    );
    assert!(String::from_utf8_lossy(&trigger.stderr).contains("Couples work"), "{trigger:?}");
    let done = mend(&dir, &["done"], &env, r#"{"response": "I want to kill myself"}"#);
    let done_err = String::from_utf8_lossy(&done.stderr);
    assert!(done_err.contains("crisis line"), "{done_err}");
    assert!(String::from_utf8_lossy(&done.stdout).contains("Marked as done"));
}

#[test]
fn check_ins_triggers_questions_and_contacts_from_scripts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let p = [("MEND_PASSCODE", PASS), ("MEND_TZ", "Europe/Berlin")];
    let c = json(mend(
        &dir,
        &["checkin", "--safety", "3", "--trust", "2", "--connection", "4", "--json"],
        &p,
        r#"{"note": "Long day"}"#,
    ));
    assert_eq!((c["tool"].as_str(), c["safety"].as_u64()), (Some("check-in"), Some(3)));
    assert_eq!(json(mend(&dir, &["checkin", "--json"], &p, "")).as_array().unwrap().len(), 1);
    let out_of_range =
        mend(&dir, &["checkin", "--safety", "11", "--trust", "2", "--connection", "4"], &p, "");
    assert_eq!(out_of_range.status.code(), Some(6), "the core rejects a score above 10");
    let stderr = String::from_utf8(out_of_range.stderr).unwrap();
    assert!(stderr.contains("safety score must be from 0 to 10"), "{stderr}");

    ok(mend(
        &dir,
        &["triggers", "add", "--intensity", "7"],
        &p,
        r#"{"what": "A song", "helped": "Walking"}"#,
    ));
    let triggers = json(mend(&dir, &["triggers", "--json"], &p, ""));
    assert_eq!(triggers[0]["what"], "A song");

    let q = json(mend(
        &dir,
        &["questions", "add", "--by", "partner", "--json"],
        &p,
        r#"{"text": "When did it start?"}"#,
    ));
    let id = q["id"].as_str().unwrap().to_owned();
    assert_eq!(q["status"], "open");
    let answered = json(mend(
        &dir,
        &["questions", "answer", &id, "--revisit", "--json"],
        &p,
        r#"{"answer": "In March."}"#,
    ));
    assert_eq!(
        (answered["status"].as_str(), answered["answer"].as_str()),
        (Some("revisit"), Some("In March."))
    );
    let missing = mend(&dir, &["questions", "answer", &"ab".repeat(16)], &p, r#"{"answer": "x"}"#);
    assert_eq!(missing.status.code(), Some(5));

    let contact = json(mend(
        &dir,
        &["contacts", "add", "--disclosed", "--json"],
        &p,
        r#"{"channel": "message", "handled": "Did not reply"}"#,
    ));
    assert!(contact["disclosed_at_ms"].is_i64());
    let progress = json(mend(&dir, &["progress", "--json"], &p, ""));
    assert_eq!(progress["check_in_weeks"][0]["count"], 1);
}

#[test]
fn reminders_are_set_listed_and_scheduled_in_the_local_zone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let p = [("MEND_PASSCODE", PASS), ("MEND_TZ", "Asia/Tokyo")];
    ok(mend(
        &dir,
        &["reminders", "add", "--purpose", "checkin", "--at", "21:15", "--days", "daily"],
        &p,
        "",
    ));
    let bad = mend(&dir, &["reminders", "add", "--purpose", "practice", "--at", "25:00"], &p, "");
    assert_eq!(bad.status.code(), Some(6));
    let all = json(mend(&dir, &["reminders", "--json"], &p, ""));
    assert_eq!(all["reminders"][0]["time"], "21:15");
    let upcoming = all["upcoming"].as_array().unwrap();
    assert_eq!(upcoming.len(), 5);
    for f in upcoming {
        assert_eq!(f["text"], "Time for your check-in");
        // 21:15 in Tokyo (UTC+9, no daylight saving) is 12:15 UTC.
        let ms = f["at_ms"].as_i64().unwrap();
        assert_eq!(ms.rem_euclid(86_400_000), (12 * 60 + 15) * 60_000);
    }
    let id = all["reminders"][0]["id"].as_str().unwrap().to_owned();
    ok(mend(&dir, &["reminders", "delete", &id], &p, ""));
    assert!(ok(mend(&dir, &["reminders"], &p, "")).contains("No reminders yet."));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_and_status_names_a_broken_vault() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    // `mend steps | head -c 10`: the reader goes away early.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mend"))
        .args(["steps", "--json"])
        .env("MEND_VAULT", &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));

    let status = json(mend(&dir, &["status", "--json"], &[], ""));
    assert_eq!(status["state"], "no-vault");
    init(&dir);
    assert_eq!(json(mend(&dir, &["status", "--json"], &[], ""))["state"], "locked");
    // A damaged file: status and the commands say the same thing.
    std::fs::write(dir.join("vault.db"), vec![7u8; 4096]).unwrap();
    let status = json(mend(&dir, &["status", "--json"], &[], ""));
    assert_eq!(status["state"], "damaged");
    let list = mend(&dir, &["note", "list"], &[("MEND_PASSCODE", PASS)], "");
    assert_eq!(list.status.code(), Some(1));
    assert!(String::from_utf8(list.stderr).unwrap().contains("damaged"));
    let said = mend(&dir, &["status"], &[], "");
    assert!(String::from_utf8(said.stderr).unwrap().contains("damaged"));
}

/// The device key files in a vault directory.
fn key_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut keys: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "key"))
        .collect();
    keys.sort();
    keys
}

#[cfg(unix)]
#[test]
fn a_device_key_others_could_read_or_a_link_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let key = key_files(&dir).pop().unwrap();
    let p = [("MEND_PASSCODE", PASS)];
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let refused = mend(&dir, &["note", "list"], &p, "");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8(refused.stderr).unwrap().contains("chmod 600"));
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    ok(mend(&dir, &["note", "list"], &p, ""));
    let moved = tmp.path().join("elsewhere.key");
    std::fs::rename(&key, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &key).unwrap();
    let linked = mend(&dir, &["note", "list"], &p, "");
    assert_eq!(linked.status.code(), Some(1));
}

#[test]
fn a_backup_restores_on_another_computer_and_exports_and_summaries_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    init(&dir);
    let p = [("MEND_PASSCODE", PASS)];
    let added = json(mend(
        &dir,
        &["note", "add", "--json"],
        &p,
        r#"{"title": "CARRIED-OVER", "body": "a note to keep"}"#,
    ));
    let id = added["id"].as_str().unwrap().to_owned();
    let file = tmp.path().join("mend.backup");
    let file_arg = file.to_str().unwrap();
    let phrase = [("MEND_PASSCODE", PASS), ("MEND_BACKUP_PASSPHRASE", "a long backup passphrase")];
    let short = mend(
        &dir,
        &["backup", "create", file_arg],
        &[p[0], ("MEND_BACKUP_PASSPHRASE", "short")],
        "",
    );
    assert_eq!(short.status.code(), Some(6), "{}", String::from_utf8_lossy(&short.stderr));
    assert!(!file.exists());
    let out = ok(mend(&dir, &["backup", "create", file_arg], &phrase, ""));
    assert!(out.contains("Backup written: 2 records"), "{out}");
    // Never over a file that is there.
    let again = mend(&dir, &["backup", "create", file_arg], &phrase, "");
    assert!(!again.status.success());

    // Another computer: a new vault from the backup, with a new passcode and recovery code.
    let other = tmp.path().join("other");
    let new_pass = [
        ("MEND_PASSCODE", "another-passcode"),
        ("MEND_BACKUP_PASSPHRASE", "a long backup passphrase"),
    ];
    let wrong = mend(
        &other,
        &["backup", "restore", file_arg],
        &[new_pass[0], ("MEND_BACKUP_PASSPHRASE", "not the phrase at all")],
        "",
    );
    assert_eq!(wrong.status.code(), Some(3), "{}", String::from_utf8_lossy(&wrong.stderr));
    let err = String::from_utf8_lossy(&wrong.stderr).into_owned();
    assert!(err.contains("passphrase") && !err.contains("CARRIED"), "{err}");
    let out = ok(mend(&other, &["backup", "restore", file_arg], &new_pass, ""));
    recovery_code_in(&out);
    let shown = json(mend(&other, &["note", "show", &id, "--json"], &[new_pass[0]], ""));
    assert_eq!(shown["title"], "CARRIED-OVER");
    // A second restore onto it is refused.
    let twice = mend(&other, &["backup", "restore", file_arg], &new_pass, "");
    assert!(!twice.status.success());
    let not_backup =
        mend(&tmp.path().join("third"), &["backup", "restore", "/etc/hostname"], &new_pass, "");
    assert!(String::from_utf8_lossy(&not_backup.stderr).contains("not a Mend backup"));

    // A plain export asks for --yes when not in a terminal.
    let export = tmp.path().join("all.json");
    let export_arg = export.to_str().unwrap();
    let refused = mend(&dir, &["export", "json", export_arg], &p, "");
    assert!(!refused.status.success() && !export.exists());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("NOT be protected"));
    ok(mend(&dir, &["export", "json", export_arg, "--yes"], &p, ""));
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(exported["notes"][0]["body"], "a note to keep");

    // A summary with one picked note, named by its dates only.
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let summary_dir = tmp.path().join("summaries");
    std::fs::create_dir(&summary_dir).unwrap();
    let html = summary_dir.join("s.html");
    let out = ok(mend(
        &dir,
        &[
            "summary",
            "--from",
            &today,
            "--to",
            &today,
            "--include",
            "practice,check-ins",
            "--note",
            &id,
            "--yes",
            html.to_str().unwrap(),
        ],
        &p,
        "",
    ));
    assert!(out.contains("Summary written"), "{out}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("CARRIED-OVER") && page.contains("Practice and progress"));
    let none = mend(&dir, &["summary", "--from", &today, "--to", &today, "--yes"], &p, "");
    assert_eq!(none.status.code(), Some(6));
}
