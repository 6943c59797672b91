//! Crash safety: a child process writes and acknowledges notes and passcode changes while
//! this process kills it at random moments. After every kill the vault must open with the
//! last acknowledged passcode (or the one being set), pass SQLite's integrity check, and
//! hold every acknowledged write.
//!
//! The child is this same test binary, re-run with `--exact crash_child --ignored`.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use mend_core::{
    Error, FileKeyStore, KdfParams, NoteDraft, NoteId, NoteQuery, Role, SystemClock, Vault,
};

const CHILD_ENV: &str = "MEND_CRASH_CHILD_DIR";

fn passcode(n: u64) -> Vec<u8> {
    format!("passcode-{n}").into_bytes()
}

fn note_for(seq: u64) -> NoteDraft {
    NoteDraft {
        title: format!("t{seq}"),
        body: format!("b{seq} {}", "x".repeat((seq % 900) as usize)),
        step: Some(1 + (seq % 6) as i32),
        tags: vec![format!("s{}", seq % 5)],
    }
}

fn open_vault(dir: &Path) -> Vault {
    let device = Arc::new(FileKeyStore::new(dir));
    Vault::open(&dir.join("vault.db"), device, Arc::new(SystemClock)).unwrap()
}

fn all_notes(vault: &Vault) -> Vec<mend_core::NoteSummary> {
    let mut out = Vec::new();
    loop {
        let batch = vault.notes(&NoteQuery::default(), out.len() as i32, 500).unwrap();
        let done = batch.notes.len() < 500;
        out.extend(batch.notes);
        if done {
            return out;
        }
    }
}

/// A new vault in `dir` whose device key is a file there, as the child opens it.
fn create_vault(dir: &Path, passcode: &[u8], kdf: KdfParams) -> (Vault, mend_core::RecoveryCode) {
    let device = Arc::new(FileKeyStore::new(dir));
    let vault_path = dir.join("vault.db");
    Vault::create(&vault_path, passcode, Role::Repairing, kdf, device, Arc::new(SystemClock))
        .unwrap()
}

fn env_u64(name: &str) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// The child: unlocks, then writes until killed, printing TRY before and ACK after each.
#[test]
#[ignore = "run by the crash tests as a child process"]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    let vault = open_vault(dir);
    if std::env::var("MEND_CRASH_MODE").as_deref() == Ok("slow-unlock") {
        println!("START");
        let _ = vault.unlock(b"not-the-passcode");
        println!("DONE");
        return;
    }
    if std::env::var("MEND_CRASH_MODE").as_deref() == Ok("recover") {
        let code = std::env::var("MEND_CRASH_CODE").unwrap();
        println!("TRY");
        let _new_code = vault.recover(&code, &passcode(env_u64("MEND_CRASH_PASS"))).unwrap();
        // Committed, but the new code is not shown yet: the parent kills the child here.
        println!("RECOVERED");
        std::thread::sleep(Duration::from_secs(60));
        return;
    }
    let mut pass = env_u64("MEND_CRASH_PASS");
    vault.unlock(&passcode(pass)).unwrap();
    let mut ids: Vec<NoteId> = all_notes(&vault).iter().map(|n| n.id).collect();
    let mut seq = env_u64("MEND_CRASH_SEQ");
    let mut rng = env_u64("MEND_CRASH_SEED") | 1;
    println!("READY");
    for _ in 0..5_000 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        seq += 1;
        match rng % 20 {
            0..=9 => {
                println!("TRY ADD {seq}");
                let id = vault.add_note(&note_for(seq)).unwrap().note.id;
                ids.push(id);
                println!("ACK ADD {seq} {id}");
            }
            10..=13 if !ids.is_empty() => {
                let id = ids[(rng >> 8) as usize % ids.len()];
                println!("TRY EDIT {id} {seq}");
                vault.edit_note(&id, &note_for(seq)).unwrap();
                println!("ACK EDIT {id} {seq}");
            }
            14..=16 if !ids.is_empty() => {
                let id = ids.swap_remove((rng >> 8) as usize % ids.len());
                println!("TRY DEL {id}");
                vault.delete_note(&id).unwrap();
                println!("ACK DEL {id}");
            }
            _ => {
                // A change rekeys: a new data key, every note resealed, a new device key
                // and a new recovery code.
                println!("TRY PASS {seq}");
                let code = vault.change_passcode(&passcode(pass), &passcode(seq)).unwrap();
                pass = seq;
                println!("ACK PASS {seq} {}", code.display().as_str());
                vault.confirm_recovery_code().unwrap();
            }
        }
    }
}

/// What the parent knows: acknowledged state plus the one write that may be in flight.
#[derive(Default)]
struct Model {
    notes: HashMap<String, u64>,
    pass: u64,
    /// The current recovery code, unless a change landed without being acknowledged.
    code: Option<String>,
}

enum Pending {
    None,
    Add(u64),
    Edit(String, u64),
    Del(String),
    Pass(u64),
}

fn spawn_child(dir: &Path, envs: &[(&str, String)]) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "crash_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

fn kills() -> u32 {
    std::env::var("MEND_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
}

#[test]
fn killed_writers_lose_no_acknowledged_write_and_never_break_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = create_vault(dir.path(), &passcode(0), TEST_KDF);
    vault.confirm_recovery_code().unwrap();
    drop(vault);

    let mut model = Model { code: Some(code.display().to_string()), ..Model::default() };
    let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut acked_total = 0usize;
    // Rekeys acknowledged, killed while under way, and landed without acknowledgement.
    let (mut rekeys, mut rekeys_killed, mut rekeys_landed_unseen) = (0usize, 0usize, 0usize);
    let rounds = kills();
    for round in 0..rounds {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = spawn_child(
            dir.path(),
            &[
                ("MEND_CRASH_PASS", model.pass.to_string()),
                ("MEND_CRASH_SEQ", (u64::from(round) * 100_000).to_string()),
                ("MEND_CRASH_SEED", rng.to_string()),
            ],
        );
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>()
        });
        // Kill anywhere from start-up to well into the writing.
        std::thread::sleep(Duration::from_millis(rng % 120));
        child.kill().unwrap();
        child.wait().unwrap();
        let lines = reader.join().unwrap();

        let mut pending = Pending::None;
        for line in &lines {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["TRY", "ADD", seq] => pending = Pending::Add(seq.parse().unwrap()),
                ["TRY", "EDIT", id, seq] => {
                    pending = Pending::Edit(id.to_string(), seq.parse().unwrap())
                }
                ["TRY", "DEL", id] => pending = Pending::Del(id.to_string()),
                ["TRY", "PASS", seq] => pending = Pending::Pass(seq.parse().unwrap()),
                ["ACK", "ADD", seq, id] => {
                    model.notes.insert(id.to_string(), seq.parse().unwrap());
                }
                ["ACK", "EDIT", id, seq] => {
                    model.notes.insert(id.to_string(), seq.parse().unwrap());
                }
                ["ACK", "DEL", id] => {
                    model.notes.remove(*id);
                }
                ["ACK", "PASS", seq, code] => {
                    rekeys += 1;
                    model.pass = seq.parse().unwrap();
                    model.code = Some(code.to_string());
                }
                _ => continue,
            }
            if line.starts_with("ACK") {
                acked_total += 1;
                pending = Pending::None;
            }
        }

        if matches!(pending, Pending::Pass(_)) {
            rekeys_killed += 1;
        }
        let vault = open_vault(dir.path());
        match (vault.unlock(&passcode(model.pass)), &pending) {
            (Ok(()), Pending::Pass(new)) => {
                // The change did not land: its passcode must not open the vault.
                vault.lock();
                let other = vault.unlock(&passcode(*new));
                assert!(matches!(other, Err(Error::WrongPasscode { .. })), "round {round}");
                vault.unlock(&passcode(model.pass)).unwrap();
            }
            (Ok(()), _) => {}
            (Err(Error::WrongPasscode { .. }), Pending::Pass(new)) => {
                vault.unlock(&passcode(*new)).unwrap_or_else(|e| {
                    panic!("round {round}: neither the old nor the new passcode opens: {e:?}")
                });
                // It landed, with a recovery code never shown: the vault says so, and the
                // app offers a new code.
                model.pass = *new;
                model.code = None;
                rekeys_landed_unseen += 1;
            }
            (Err(e), _) => panic!("round {round}: the vault does not open: {e:?}"),
        }
        // A recovery code is always available: the one shown, or a new one offered.
        if model.code.is_none() {
            assert!(!vault.recovery_code_confirmed().unwrap(), "round {round}");
            model.code = Some(vault.new_recovery_code().unwrap().display().to_string());
        }
        vault.confirm_recovery_code().unwrap();
        if round % 8 == 7 {
            vault.lock();
            let code = model.code.take().unwrap();
            let new_code = vault.recover(&code, &passcode(model.pass)).unwrap_or_else(|e| {
                panic!("round {round}: the recovery code does not open the vault: {e:?}")
            });
            model.code = Some(new_code.display().to_string());
            vault.confirm_recovery_code().unwrap();
        }
        let check: String = {
            let conn = mend_core::store::db::open_read_only(&dir.path().join("vault.db")).unwrap();
            conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
        };
        assert_eq!(check, "ok", "round {round}");

        let mut found: HashMap<String, u64> = HashMap::new();
        for summary in all_notes(&vault) {
            let note = vault.note(&summary.id).unwrap();
            let seq: u64 = note.summary.title[1..].parse().unwrap();
            let expected = note_for(seq);
            assert_eq!(note.body, expected.body, "round {round}: body does not match its title");
            assert_eq!(note.summary.step, expected.step);
            found.insert(summary.id.to_string(), seq);
        }
        // Resolve the one write that may or may not have landed, then demand equality.
        match pending {
            Pending::Add(seq) => {
                if let Some((id, _)) =
                    found.iter().find(|(id, s)| **s == seq && !model.notes.contains_key(*id))
                {
                    model.notes.insert(id.clone(), seq);
                }
            }
            Pending::Edit(id, seq) => {
                if found.get(&id) == Some(&seq) {
                    model.notes.insert(id, seq);
                }
            }
            Pending::Del(id) => {
                if !found.contains_key(&id) {
                    model.notes.remove(&id);
                }
            }
            Pending::Pass(_) | Pending::None => {}
        }
        assert_eq!(found, model.notes, "round {round}: acknowledged writes differ");
        vault.lock();
    }
    assert!(acked_total > rounds as usize, "the children acknowledged too little to test anything");
    assert!(rekeys > 0, "no passcode change was acknowledged");
    eprintln!(
        "{rounds} kills, {acked_total} acknowledged writes, {} notes; rekeys: {rekeys} \
         acknowledged, {rekeys_killed} killed under way, {rekeys_landed_unseen} of those landed",
        model.notes.len()
    );
}

#[test]
fn an_attempt_killed_during_the_kdf_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    // Costly parameters so that the kill lands inside the KDF.
    let slow = KdfParams { memory_kib: 64 * 1024, iterations: 12, parallelism: 1 };
    drop(create_vault(dir.path(), PASSCODE, slow));
    for expected in 1..=2u32 {
        let mut child = spawn_child(dir.path(), &[("MEND_CRASH_MODE", "slow-unlock".to_owned())]);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let started = Instant::now();
        // The test harness may print its own words before the child's first line.
        let started_line = lines.by_ref().map_while(Result::ok).any(|l| l.ends_with("START"));
        assert!(started_line, "the child never started its attempt");
        std::thread::sleep(Duration::from_millis(60));
        child.kill().unwrap();
        child.wait().unwrap();
        let rest: Vec<String> = lines.map_while(Result::ok).collect();
        assert!(!rest.iter().any(|l| l.ends_with("DONE")), "the attempt finished before the kill");
        assert!(started.elapsed() < Duration::from_secs(30));
        let vault = open_vault(dir.path());
        let status = vault.unlock_status().unwrap();
        assert_eq!(status.failed_attempts, expected as i32);
        assert!(status.last_attempt_interrupted, "the lock screen can say why");
    }
    let vault = open_vault(dir.path());
    vault.unlock(PASSCODE).unwrap();
    assert_eq!(vault.unlock_status().unwrap().failed_attempts, 0);
}

#[test]
fn a_recovery_code_lost_to_a_kill_is_replaced_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = create_vault(dir.path(), &passcode(0), TEST_KDF);
    vault.confirm_recovery_code().unwrap();
    drop(vault);
    let (mut pass, mut code) = (0u64, code.display().to_string());
    for round in 1..=6u64 {
        let mut child = spawn_child(
            dir.path(),
            &[
                ("MEND_CRASH_MODE", "recover".to_owned()),
                ("MEND_CRASH_CODE", code.clone()),
                ("MEND_CRASH_PASS", round.to_string()),
            ],
        );
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Even rounds: killed right after the commit, before the code is shown. Odd rounds:
        // killed at a moment anywhere in the recovery.
        let wait_for = if round % 2 == 0 { "RECOVERED" } else { "TRY" };
        // The test harness may print its own words before the child's first line.
        while let Some(Ok(line)) = lines.next() {
            if line.ends_with(wait_for) {
                break;
            }
        }
        if round % 2 == 1 {
            std::thread::sleep(Duration::from_millis(round * 3));
        }
        child.kill().unwrap();
        child.wait().unwrap();

        let vault = open_vault(dir.path());
        if vault.unlock(&passcode(round)).is_ok() {
            // The recovery committed: the person set this passcode, the code was never seen.
            assert!(!vault.recovery_code_confirmed().unwrap());
            let fresh = vault.new_recovery_code().unwrap();
            vault.confirm_recovery_code().unwrap();
            vault.lock();
            // The fresh code works, and the one the killed child made does not exist anywhere.
            let next = vault.recover(&fresh.display(), &passcode(round)).unwrap();
            vault.confirm_recovery_code().unwrap();
            (pass, code) = (round, next.display().to_string());
        } else {
            assert_eq!(round % 2, 1, "a recovery killed after its commit must have committed");
            // Killed before the commit: the old passcode and the old code still work.
            vault.unlock(&passcode(pass)).unwrap();
            assert!(vault.recovery_code_confirmed().unwrap());
        }
        vault.lock();
    }
    let vault = open_vault(dir.path());
    vault.unlock(&passcode(pass)).unwrap();
    assert!(matches!(vault.unlock_status(), Ok(s) if s.failed_attempts == 0));
    vault.lock();
    assert!(vault.recover(&code, &passcode(99)).is_ok());
}
