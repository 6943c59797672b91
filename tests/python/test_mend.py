"""The generated Python bindings, exercised across the whole exported surface.

Run by tests/bindings.sh with the generated package (mend.py, mend_core.py and
libmend_ffi.so) on PYTHONPATH. Prints one line per failure and a closing line
'N passed, N failed'; exits 1 on failure.
"""
import hashlib
import hmac
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zoneinfo
from datetime import datetime, timedelta, timezone

from mend_bindings import mend, mend_core as core

SMALL_KDF = core.KdfParams(memory_kib=256, iterations=1, parallelism=1)
PASS = "passcode-1".encode()
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class PythonKeyStore(core.DeviceKeyStore):
    """A software key store written in Python: one key per alias, an HMAC-SHA256 keystream
    plus a MAC for wrapping, HMAC-SHA256 as the keyed function, and records kept beside."""

    def __init__(self):
        self.keys = {}
        self.records = {}
        self.derivations = 0

    def _key(self, alias, create=False):
        if alias not in self.keys:
            if not create:
                raise core.DeviceKeyError.KeyMissing()
            self.keys[alias] = os.urandom(32)
        return self.keys[alias]

    @staticmethod
    def _stream(key, nonce, n):
        out = b""
        counter = 0
        while len(out) < n:
            out += hmac.new(key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
            counter += 1
        return out[:n]

    def wrap(self, alias, plain):
        key = self._key(alias, create=True)
        nonce = os.urandom(16)
        body = bytes(a ^ b for a, b in zip(plain, self._stream(key, nonce, len(plain))))
        tag = hmac.new(key, b"tag" + nonce + body, hashlib.sha256).digest()
        return nonce + body + tag

    def unwrap(self, alias, wrapped):
        key = self._key(alias)
        nonce, body, tag = wrapped[:16], wrapped[16:-32], wrapped[-32:]
        good = hmac.new(key, b"tag" + nonce + body, hashlib.sha256).digest()
        if not hmac.compare_digest(tag, good):
            raise core.DeviceKeyError.Rejected()
        return bytes(a ^ b for a, b in zip(body, self._stream(key, nonce, len(body))))

    def derive(self, alias, input):
        self.derivations += 1
        return hmac.new(self._key(alias), b"derive" + input, hashlib.sha256).digest()

    def destroy_key(self, alias):
        self.keys.pop(alias, None)
        self.records = {k: v for k, v in self.records.items() if k[0] != alias}

    def load_record(self, alias, name):
        return self.records.get((alias, name))

    def store_record(self, alias, name, value):
        self.records[(alias, name)] = value


class PythonZone(core.TimeZoneRules):
    """A time zone's rules from Python's zoneinfo, as a platform would provide them."""

    def __init__(self, name):
        self.zone = zoneinfo.ZoneInfo(name)

    def offset_seconds(self, utc_ms):
        moment = datetime.fromtimestamp(utc_ms / 1000, tz=timezone.utc)
        return int(moment.astimezone(self.zone).utcoffset().total_seconds())


class Impossible(core.TimeZoneRules):
    def offset_seconds(self, utc_ms):
        return 25 * 3600


class Failing(core.DeviceKeyStore):
    """A key store whose every call fails, declared or not."""

    def __init__(self, declared):
        self.declared = declared

    def _fail(self):
        if self.declared:
            raise core.DeviceKeyError.Unavailable()
        raise RuntimeError("keystore exploded")

    def wrap(self, alias, plain):
        self._fail()

    def unwrap(self, alias, wrapped):
        self._fail()

    def derive(self, alias, input):
        self._fail()

    def load_record(self, alias, name):
        self._fail()

    def store_record(self, alias, name, value):
        self._fail()

    def destroy_key(self, alias):
        self._fail()


def new_vault(role=core.Role.REPAIRING, store=None):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "vault.db")
    store = store or PythonKeyStore()
    created = mend.create_vault(path, PASS, role, SMALL_KDF, store)
    return path, store, created


def draft(title, body, step=None, tags=()):
    return core.NoteDraft(title=title, body=body, step=step, tags=list(tags))


def everything(words=None, step=None, tag=None):
    return core.NoteQuery(step=step, tag=tag, words=words)


def expect(exc_type, fn):
    try:
        fn()
    except exc_type as e:
        return e
    raise AssertionError(f"expected {exc_type.__name__}")


def utc(ms):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


class Recorder(core.VaultListener):
    def __init__(self):
        self.heard = []

    def lock_state_changed(self, state):
        self.heard.append(state)

    def data_changed(self, change):
        self.heard.append(change)


@test
def create_unlock_lock_and_reopen():
    assert mend.default_kdf_params().memory_kib == 65536
    path, store, created = new_vault(core.Role.HURT)
    v = created.vault
    assert mend.vault_exists(path)
    assert not mend.vault_exists(path + ".nothing")
    assert len(created.recovery_code) == 34
    assert v.is_unlocked() and v.lock_state() == core.LockState.UNLOCKED
    assert v.role() == core.Role.HURT
    assert abs(v.started_at() - datetime.now(timezone.utc)) < timedelta(minutes=1)
    assert v.damaged_record_count() == 0
    assert not v.recovery_code_confirmed()
    v.confirm_recovery_code()
    assert v.recovery_code_confirmed()
    v.lock()
    assert not v.is_unlocked() and v.lock_state() == core.LockState.LOCKED
    again = mend.MendVault.open(path, store)
    assert not again.is_unlocked()
    status = again.unlock_status()
    assert (status.failed_attempts, status.attempts_left, status.retry_at) == (0, 5, None)
    assert not status.last_attempt_interrupted
    again.unlock(PASS)
    assert again.is_unlocked()
    expect(mend.MendError.AlreadyExists, lambda: mend.create_vault(path, PASS, core.Role.HURT, SMALL_KDF, store))
    expect(mend.MendError.NoVault, lambda: mend.MendVault.open(path + ".none", store))


@test
def the_limits_come_from_the_core():
    limits = mend.limits()
    assert (limits.passcode_min_bytes, limits.free_attempts, limits.max_score, limits.steps) == (6, 5, 10, 6)
    assert limits.title_max_chars == 200 and limits.page_max == 500
    e = expect(mend.MendError.InvalidInput, lambda: new_vault_with(b"12345"))
    assert e.field == core.InputField.PASSCODE
    assert e.problem == core.InputProblem.TOO_SHORT(min=limits.passcode_min_bytes, unit=core.LengthUnit.BYTES)


def new_vault_with(passcode):
    d = tempfile.mkdtemp()
    return mend.create_vault(os.path.join(d, "v.db"), passcode, core.Role.HURT, SMALL_KDF, PythonKeyStore())


@test
def wrong_passcodes_carry_attempts_left_then_a_retry_time():
    path, store, created = new_vault()
    v = created.vault
    v.lock()
    for left in [4, 3, 2, 1, 0]:
        e = expect(mend.MendError.WrongPasscode, lambda: v.unlock(b"wrong-code"))
        assert e.attempts_left == left, e.attempts_left
    e = expect(mend.MendError.TooManyAttempts, lambda: v.unlock(PASS))
    assert e.retry_at > datetime.now(timezone.utc) + timedelta(seconds=20)
    assert not e.after_interruption
    status = v.unlock_status()
    assert status.retry_at == e.retry_at and not status.last_attempt_interrupted


@test
def notes_round_trip_with_any_text_and_a_large_body():
    _, _, created = new_vault()
    v = created.vault
    texts = ["Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ"]
    ids = [v.add_note(draft(t, t + " body", step=1 + i, tags=[t[:5]])).note.id for i, t in enumerate(texts)]
    for note_id, t in zip(ids, texts):
        n = v.note(note_id)
        assert (n.summary.title, n.body) == (t, t + " body")
    big = "ü" * (512 * 1024)
    big_id = v.add_note(draft("big", big)).note.id
    assert v.note(big_id).body == big
    e = expect(mend.MendError.InvalidInput, lambda: v.add_note(draft("big", big + "!")))
    assert e.field == core.InputField.BODY
    assert e.problem == core.InputProblem.TOO_LONG(max=1024 * 1024, unit=core.LengthUnit.BYTES)
    assert v.note_count() == 5
    page = v.notes(everything(), 0, 2)
    assert page.total == 5 and [n.id for n in page.notes] == [big_id, ids[3]]
    assert [n.id for n in v.notes(everything(), 3, 50).notes] == [ids[1], ids[0]]
    step2 = v.notes(everything(step=2), 0, 50)
    assert [n.id for n in step2.notes] == [ids[1]]
    # Alphabetical by lower case, which here is code point order.
    assert v.tags_in_use() == [texts[i][:5] for i in (0, 1, 3, 2)], v.tags_in_use()
    v.prepare_search()
    found = v.notes(everything("CAFÉ évening"), 0, 10)
    assert [n.id for n in found.notes] == [ids[0]]
    assert v.notes(everything("שלום"), 0, 10).total == 1
    assert v.notes(everything("   "), 0, 10).total == 5, "blank words are no search"
    edited = v.edit_note(ids[0], draft("Morning", "new words", step=None, tags=[])).note
    assert edited.title == "Morning" and edited.created_at <= edited.updated_at
    assert v.note(ids[0]).body == "new words"
    v.delete_note(ids[0])
    expect(mend.MendError.NotFound, lambda: v.note(ids[0]))
    e = expect(mend.MendError.InvalidInput, lambda: v.notes(everything(), 0, 501))
    assert e.field == core.InputField.PAGE_LIMIT and e.problem == core.InputProblem.OUT_OF_RANGE(min=1, max=500)


@test
def passcode_change_and_recovery():
    path, store, created = new_vault()
    v = created.vault
    v.add_note(draft("kept", "body"))
    # A change rekeys the vault and replaces the recovery code too.
    changed_code = v.change_passcode(PASS, b"second-pass")
    assert changed_code != created.recovery_code and not v.recovery_code_confirmed()
    v.lock()
    expect(mend.MendError.WrongPasscode, lambda: v.unlock(PASS))
    v.unlock(b"second-pass")
    v.lock()
    e = expect(mend.MendError.WrongRecoveryCode, lambda: v.recover("0000-0000-0000-0000-0000-0000-0000", b"third-pass"))
    assert e.attempts_left == 4
    expect(mend.MendError.WrongRecoveryCode, lambda: v.recover(created.recovery_code, b"third-pass"))
    new_code = v.recover(changed_code, b"third-pass")
    assert new_code != changed_code and v.is_unlocked()
    assert not v.recovery_code_confirmed()
    assert v.note_count() == 1
    fresh = v.new_recovery_code()
    v.confirm_recovery_code()
    v.lock()
    expect(mend.MendError.WrongRecoveryCode, lambda: v.recover(new_code, b"fourth-pass"))
    v.recover(fresh, b"fourth-pass")


@test
def a_key_store_written_in_python_binds_the_vault_to_it():
    path, store, created = new_vault()
    v = created.vault
    v.lock()
    other = mend.MendVault.open(path, PythonKeyStore())
    expect(mend.MendError.DeviceKeyMissing, lambda: other.unlock(PASS))
    # Each guess takes one operation of the key store's keyed function.
    before = store.derivations
    expect(mend.MendError.WrongPasscode, lambda: v.unlock(b"not-the-passcode"))
    v.unlock(PASS)
    assert store.derivations - before == 2
    # The attempt state and the write generation are kept beside the key, and what must be
    # read while locked: the reminder schedule and discreet mode.
    assert {name for (_, name) in store.records} == {"attempts", "generation", "reminders", "discreet"}
    assert v.check() == core.VaultCheck(damaged_records=0, records_unmatched=False, older_copy=False, settings_lost=False)


@test
def a_restored_older_copy_is_read_only_until_kept():
    path, store, created = new_vault()
    v = created.vault
    note = v.add_note(draft("deleted later", "body")).note
    v.lock()
    copy = path + ".copy"
    shutil.copyfile(path, copy)
    v.unlock(PASS)
    v.delete_note(note.id)
    v.lock()
    staged = path + ".restoring"
    shutil.copyfile(copy, staged)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    os.replace(staged, path)
    old = mend.MendVault.open(path, store)
    old.unlock(PASS)
    assert old.check().older_copy
    assert old.note(note.id).body == "body"
    expect(mend.MendError.OlderCopy, lambda: old.add_note(draft("t", "b")))
    old.keep_records_as_they_are()
    assert not old.check().older_copy
    old.add_note(draft("t", "b"))


@test
def a_failing_key_store_surfaces_as_a_typed_error():
    d = tempfile.mkdtemp()
    expect(mend.MendError.DeviceKeyUnavailable, lambda: mend.create_vault(os.path.join(d, "a.db"), PASS, core.Role.HURT, SMALL_KDF, Failing(True)))
    expect(mend.MendError.DeviceKeyUnavailable, lambda: mend.create_vault(os.path.join(d, "b.db"), PASS, core.Role.HURT, SMALL_KDF, Failing(False)))


@test
def the_rust_file_key_store_works_from_python():
    d = tempfile.mkdtemp()
    store = mend.file_device_key_store(d)
    alias = "app.mend.vault.test.1"
    wrapped = store.wrap(alias, b"secret")
    assert store.unwrap(alias, wrapped) == b"secret"
    assert store.derive(alias, b"x") == store.derive(alias, b"x")
    created = mend.create_vault(os.path.join(d, "vault.db"), PASS, core.Role.HURT, SMALL_KDF, store)
    created.vault.add_note(draft("t", "b"))
    keys = [f for f in os.listdir(d) if f.endswith(".key")]
    assert len(keys) == 2
    for f in os.listdir(d):
        assert os.stat(os.path.join(d, f)).st_mode & 0o777 == 0o600, f
    store.destroy_key(alias)
    try:
        store.unwrap(alias, wrapped)
        raise AssertionError("unwrapped after destroy")
    except core.DeviceKeyError.KeyMissing:
        pass


@test
def calls_from_many_threads_at_once():
    _, _, created = new_vault()
    v = created.vault
    errors = []

    def work(t):
        try:
            for i in range(20):
                s = v.add_note(draft(f"t{t} n{i}", "body")).note
                assert v.note(s.id).summary.title == f"t{t} n{i}"
                v.notes(everything(), 0, 10)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert v.note_count() == 120


@test
def a_listener_hears_changes_without_content():
    _, _, created = new_vault()
    v = created.vault
    heard = Recorder()
    v.set_listener(heard)
    v.add_note(draft("t", "b"))
    v.check_in(3, 4, 5, "")
    v.lock()
    assert heard.heard == [core.DataChange.NOTES(), core.DataChange.TOOL(kind=core.ToolKind.CHECK_INS),
                           core.LockState.LOCKED], heard.heard
    v.set_listener(None)
    v.unlock(PASS)
    assert len(heard.heard) == 3


@test
def locked_and_erased_objects_give_typed_errors():
    path, store, created = new_vault()
    v = created.vault
    note_id = v.add_note(draft("t", "b")).note.id
    v.lock()
    for call in [lambda: v.note(note_id), v.note_count, v.role, v.prepare_search, v.today_prompt,
                 lambda: v.add_note(draft("a", "b")), lambda: v.delete_note(note_id),
                 lambda: v.notes(everything(), 0, 5)]:
        expect(mend.MendError.Locked, call)
    v.erase()
    assert not os.path.exists(path) and v.lock_state() == core.LockState.ERASED
    expect(mend.MendError.Closed, lambda: v.unlock(PASS))
    expect(mend.MendError.Closed, v.unlock_status)


@test
def a_vault_from_a_newer_app_is_refused():
    path, store, created = new_vault()
    created.vault.lock()
    del created
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    e = expect(mend.MendError.NewerVault, lambda: mend.MendVault.open(path, store))
    assert (e.found, e.supported) == (99, 3)


@test
def damaged_data_is_a_typed_error():
    path, store, created = new_vault()
    created.vault.lock()
    del created
    with open(path, "r+b") as f:
        f.seek(0)
        f.write(b"\0" * 100)
    expect(mend.MendError.Damaged, lambda: mend.MendVault.open(path, store))


@test
def a_busy_database_is_another_storage_failure_and_passes():
    path, store, created = new_vault()
    v = created.vault
    # Another process writes to the file and holds it past the core's wait. (Another process:
    # SQLite's locks are per process, so a second SQLite in this one would not see them.)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)\n"
         "c.execute('BEGIN IMMEDIATE')\nprint('held', flush=True)\ntime.sleep(30)", path],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        e = expect(mend.MendError.Other, lambda: v.add_note(draft("t", "b")))
        assert "busy" in e.detail.lower(), e.detail
    finally:
        holder.kill()
        holder.wait()
    v.add_note(draft("t", "b"))
    assert v.note_count() == 1


@test
def a_full_disk_is_storage_full_and_loses_nothing():
    d = tempfile.mkdtemp()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", d], capture_output=True).returncode != 0:
        print("SKIPPED a_full_disk_is_storage_full_and_loses_nothing: cannot mount a tmpfs here (needs root)")
        return
    try:
        created = mend.create_vault(os.path.join(d, "v.db"), PASS, core.Role.HURT, SMALL_KDF, PythonKeyStore())
        v = created.vault
        kept = 0
        try:
            for i in range(40):
                v.add_note(draft(f"t{i}", "x" * 100_000))
                kept += 1
            raise AssertionError("the disk never filled")
        except mend.MendError.StorageFull:
            pass
        assert v.note_count() == kept and kept > 0
        v.lock()
        del v, created
    finally:
        subprocess.run(["umount", "-l", d])


@test
def the_program_today_practice_and_progress():
    steps = mend.program_steps()
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert mend.program_step(3).key == "remorse"
    expect(mend.MendError.NotFound, lambda: mend.program_step(9))
    assert len(mend.program_themes()) >= 5
    help = mend.help_resources("US")
    assert help.resources[0].country == "US" and "911" in help.resources[0].contact, help.resources[0]
    assert any("988" in r.contact for r in help.resources)
    assert mend.help_resources(None).resources[0].country == "ALL"
    _, _, created = new_vault()
    v = created.vault
    v.set_time_zone(PythonZone("Europe/Berlin"))
    pages = v.program_pages()
    steps = [p for p in pages if p.is_STEP()]
    assert len(steps) == 6 and pages[0].is_STEP() and pages[0][0].number == 1
    assert all(p.is_MODULE() for p in pages[6:]) and len(pages) > 6, "the modules follow the steps"
    today = v.today_prompt()
    assert today.outcome == core.PracticeOutcome.SHOWN and today.prompt.focus.is_STEP()
    assert not today.is_alternative and today.more_available
    berlin_now = datetime.now(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert (today.date.year, today.date.month, today.date.day) == (berlin_now.year, berlin_now.month, berlin_now.day)
    assert v.today_prompt().prompt.id == today.prompt.id
    other = v.another_prompt()
    assert other.prompt.id != today.prompt.id and other.is_alternative
    assert v.skip_prompt(other.prompt.id).outcome == core.PracticeOutcome.SKIPPED
    done = v.complete_prompt(today.prompt.id, "Écouté, sans me défendre. 🙏").prompt
    assert done.outcome == core.PracticeOutcome.DONE and done.response == "Écouté, sans me défendre. 🙏"
    progress = v.progress()
    assert progress.days_practised_last_7 == 1 and progress.days_practised == 1
    assert [m.key for m in progress.milestones] == ["first-practice"]
    assert sum(f.times_practised for f in progress.focuses) == 1
    midnight = v.next_day_starts().astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert (midnight.hour, midnight.minute) == (0, 0) and midnight > berlin_now
    v.set_time_zone(Impossible())
    e = expect(mend.MendError.InvalidInput, v.today_prompt)
    assert e.field == core.InputField.TIME_ZONE
    v.lock()
    expect(mend.MendError.Locked, v.today_prompt)


@test
def the_hurt_partner_gets_their_themes():
    _, _, created = new_vault(core.Role.HURT)
    pages = created.vault.program_pages()
    assert pages and all(p.is_THEME() for p in pages)
    assert created.vault.today_prompt().prompt.focus.is_THEME()


@test
def the_letter_phrasing_check():
    check = mend.check_letter_phrasing("I'm sorry if you were hurt. Please forgive me, but you never listened.")
    reasons = [f.reason for f in check.flags]
    assert core.PhrasingReason.CONDITIONAL in reasons and core.PhrasingReason.ASKS_FORGIVENESS in reasons, reasons
    first = check.flags[0]
    assert "if" in first.excerpt and "conditional" in first.label and first.suggestion
    text = "I'm sorry if you were hurt. Please forgive me, but you never listened."
    assert text[first.start:first.end] == first.excerpt
    assert check.help is None and check.nothing_found == ""
    harm = mend.check_letter_phrasing("Some days I dont want to be alive.")
    assert harm.help is not None and core.DangerKind.SELF_HARM in harm.help.danger and harm.flags == [], harm
    assert "dont want" not in " ".join(harm.help.paragraphs), "the card never repeats what was written"
    clean = mend.check_letter_phrasing("I lied to you for two years, and I chose to.")
    assert clean.flags == [] and clean.help is None and "not every one" in clean.nothing_found
    e = expect(mend.MendError.InvalidInput, lambda: mend.check_letter_phrasing("x" * (1024 * 1024 + 1)))
    assert e.field == core.InputField.LETTER


@test
def saving_free_text_returns_the_help_offer_after_saving():
    mend.set_place("en-GB", "Europe/London")
    _, _, created = new_vault(core.Role.HURT)
    v = created.vault
    saved = v.add_note(draft("tonight", "I keep thinking about the pills in the cabinet"))
    assert saved.help is not None and saved.help.danger == [core.DangerKind.SELF_HARM]
    assert saved.help.lines[0].kind == core.ResourceKind.CRISIS and saved.help.lines[0].country == "GB"
    assert v.note(saved.note.id).body.startswith("I keep thinking"), "saved first, whatever it says"
    low = v.check_in(1, 5, 5, "")
    assert low.help is not None and low.help.check_ins == core.CheckInConcern.LOW_SAFETY
    assert v.check_in(8, 8, 8, "a calm walk").help is None
    threat = v.add_entry(core.ToolEntry.TRIGGER(core.Trigger(at=utc(5), what="He said he'd take the kids if I go to a lawyer", intensity=9, helped="")))
    assert core.DangerKind.THREAT_OR_CONTROL in threat.help.danger
    assert mend.danger_signals("my feet are killing me after that shift") == []
    assert mend.help_region() == "GB"


@test
def the_tools_add_edit_delete_and_list():
    _, _, created = new_vault(core.Role.HURT)
    v = created.vault
    v.set_time_zone(PythonZone("Pacific/Auckland"))
    assert v.todays_check_in() is None
    check_in = v.check_in(3, 2, 4, "Long day").record
    assert check_in.entry[0].safety == 3 and len(check_in.id) == 32
    auckland = datetime.now(zoneinfo.ZoneInfo("Pacific/Auckland"))
    assert check_in.entry[0].date == core.CalendarDate(year=auckland.year, month=auckland.month, day=auckland.day)
    assert v.check_in(5, 5, 5, "").record.id == check_in.id, "one check-in a day"
    assert v.todays_check_in().entry[0].safety == 5
    trigger = v.add_entry(core.ToolEntry.TRIGGER(core.Trigger(at=utc(1_000), what="A song 🎵", intensity=7, helped="Walking"))).record
    question = v.add_entry(core.ToolEntry.QUESTION(core.Question(
        text="Why?", asked_by=core.Asker.ME, kind=core.QuestionKind.MEANING, answer="",
        status=core.QuestionStatus.OPEN))).record
    v.add_entry(core.ToolEntry.CONTACT(core.Contact(at=utc(2_000), channel="call", what_happened="",
                                                    how_handled="Hung up", disclosed_at=None)))
    for kind in [core.ToolKind.CHECK_INS, core.ToolKind.TRIGGERS, core.ToolKind.QUESTIONS, core.ToolKind.CONTACTS]:
        assert len(v.entries(kind)) == 1, kind
    answered = v.edit_entry(question.id, core.ToolEntry.QUESTION(core.Question(
        text="Why?", asked_by=core.Asker.ME, kind=core.QuestionKind.MEANING, answer="I was afraid.",
        status=core.QuestionStatus.ANSWERED))).record
    assert answered.entry[0].answer == "I was afraid."
    e = expect(mend.MendError.InvalidInput, lambda: v.edit_entry(question.id, core.ToolEntry.TRIGGER(
        core.Trigger(at=utc(1), what="x", intensity=1, helped=""))))
    assert e.field == core.InputField.ENTRY
    e = expect(mend.MendError.InvalidInput, lambda: v.check_in(11, 2, 4, ""))
    assert e.field == core.InputField.SAFETY and e.problem == core.InputProblem.OUT_OF_RANGE(min=0, max=10)
    e = expect(mend.MendError.InvalidInput, lambda: v.add_entry(core.ToolEntry.CHECK_IN(core.CheckIn(
        date=core.CalendarDate(year=2026, month=2, day=30), safety=1, trust=2, connection=4, note=""))))
    assert e.field == core.InputField.DATE
    v.delete_entry(trigger.id)
    assert v.entries(core.ToolKind.TRIGGERS) == []
    expect(mend.MendError.NotFound, lambda: v.delete_entry(trigger.id))
    weeks = v.progress().check_in_weeks
    assert [w.count for w in weeks] == [1], weeks


@test
def reminders_schedule_in_the_platform_zone():
    _, _, created = new_vault()
    v = created.vault
    v.set_time_zone(PythonZone("Asia/Tokyo"))
    every_day = list(core.Weekday)
    r = v.add_entry(core.ToolEntry.REMINDER(core.Reminder(
        purpose=core.ReminderPurpose.CHECK_IN, weekdays=every_day, hour=21, minute=15, enabled=True))).record
    assert r.entry[0].weekdays == every_day and (r.entry[0].hour, r.entry[0].minute) == (21, 15)
    upcoming = v.upcoming_reminders(3)
    assert len(upcoming) == 3 and all(f.text == "Time for your check-in" for f in upcoming)
    assert all(f.at.hour == 12 and f.at.minute == 15 for f in upcoming)
    assert all(f.reminder_id == r.id for f in upcoming)
    e = expect(mend.MendError.InvalidInput, lambda: v.add_entry(core.ToolEntry.REMINDER(core.Reminder(
        purpose=core.ReminderPurpose.PRACTICE, weekdays=[], hour=1, minute=0, enabled=True))))
    assert e.field == core.InputField.WEEKDAYS and e.problem == core.InputProblem.EMPTY()
    expect(mend.MendError.InvalidInput, lambda: v.upcoming_reminders(0))


@test
def the_step_tools_worksheets_boundaries_cut_ties_and_time_together():
    _, _, created = new_vault()
    v = created.vault
    info = mend.worksheet_info(core.WorksheetKind.REMORSE_LETTER)
    assert info.sections[0] == "What I did" and len(info.sections) == 4
    assert len(mend.worksheet_info(core.WorksheetKind.STORY).sections) == 3

    def sheet(kind, sections):
        return core.ToolEntry.WORKSHEET(core.Worksheet(kind=kind, sections=sections))

    letter = v.add_entry(sheet(core.WorksheetKind.REMORSE_LETTER, [
        "I lied to you for months.", "You stopped sleeping.", "It was my choice.", "I answer every question."])).record
    assert letter.entry[0].sections[2] == "It was my choice."
    expect(mend.MendError.InvalidInput, lambda: v.add_entry(sheet(core.WorksheetKind.STORY, ["only one"])))
    v.add_entry(sheet(core.WorksheetKind.STORY, ["Loneliness", "", "Fear"]))
    v.add_entry(sheet(core.WorksheetKind.VALIDATION_NOTE, ["Scared", "It makes sense", ""]))
    v.add_entry(core.ToolEntry.BOUNDARY(core.Boundary(is_need=False, text="No contact with them at all", agreed=True)))
    tie = v.add_entry(core.ToolEntry.CUT_TIE(core.CutTie(item="Leave the shared gym", done=False))).record
    v.add_entry(core.ToolEntry.TIME_TOGETHER(core.TimeTogether(
        at=utc(1_000), plan="A walk after dinner", asked=True, answer=core.InvitationAnswer.NOT_NOW, respected=True)))
    for kind in [core.ToolKind.REMORSE_LETTERS, core.ToolKind.STORIES, core.ToolKind.VALIDATION_NOTES,
                 core.ToolKind.BOUNDARIES, core.ToolKind.CUT_TIES, core.ToolKind.TIME_TOGETHER]:
        assert len(v.entries(kind)) == 1, kind
    done = v.edit_entry(tie.id, core.ToolEntry.CUT_TIE(core.CutTie(item="Leave the shared gym", done=True))).record
    assert done.entry[0].done is True
    assert v.entries(core.ToolKind.TIME_TOGETHER)[0].entry[0].answer == core.InvitationAnswer.NOT_NOW


class Progress(core.ProgressListener):
    """Remembers every progress call a long piece of work makes."""

    def __init__(self):
        self.calls = []

    def progress(self, done, total):
        self.calls.append((done, total))


@test
def a_backup_carries_the_vault_to_another_device_and_reports_progress():
    path, store, created = new_vault(core.Role.HURT)
    v = created.vault
    for i in range(70):
        v.add_note(draft(f"carried {i}", "body"))
    v.check_in(3, 4, 5, "a check-in")
    backup = os.path.join(os.path.dirname(path), "vault.backup")
    heard = Progress()
    expect(mend.MendError.InvalidInput, lambda: v.backup(backup, b"short", SMALL_KDF, heard))
    summary = v.backup(backup, "a long backup passphrase".encode(), SMALL_KDF, heard)
    assert (summary.records, summary.damaged_left_out) == (72, 0), summary
    assert heard.calls and heard.calls[-1] == (72, 72), heard.calls
    with open(backup, "rb") as f:
        raw = f.read()
    assert raw[:8] == b"MENDBKUP" and b"carried" not in raw
    expect(mend.MendError.AlreadyExists, lambda: v.backup(backup, "a long backup passphrase".encode(), SMALL_KDF, heard))

    target = os.path.join(tempfile.mkdtemp(), "restored.db")
    other = PythonKeyStore()
    expect(mend.MendError.WrongBackupPassphrase,
           lambda: mend.restore_backup(backup, b"not the passphrase", target, b"new-passcode", SMALL_KDF, other, heard))
    expect(mend.MendError.NotABackup,
           lambda: mend.restore_backup(path, b"whatever it is", target, b"new-passcode", SMALL_KDF, other, heard))
    assert not os.path.exists(target)
    heard = Progress()
    restored = mend.restore_backup(backup, "a long backup passphrase".encode(), target, b"new-passcode",
                                   SMALL_KDF, other, heard)
    r = restored.vault
    assert r.role() == core.Role.HURT and r.note_count() == 70
    assert not r.recovery_code_confirmed() and len(restored.recovery_code) == 34
    assert heard.calls[-1][0] == heard.calls[-1][1]
    r.lock()
    r.unlock(b"new-passcode")
    expect(mend.MendError.AlreadyExists,
           lambda: mend.restore_backup(backup, "a long backup passphrase".encode(), target, b"new-passcode",
                                       SMALL_KDF, other, heard))


@test
def exports_and_a_summary_are_written_from_python():
    path, store, created = new_vault()
    v = created.vault
    note = v.add_note(draft("for the session", "what I want to bring")).note
    v.add_note(draft("private", "not for the session"))
    d = os.path.dirname(path)
    v.export(core.ExportFormat.JSON, os.path.join(d, "all.json"))
    v.export(core.ExportFormat.MARKDOWN, os.path.join(d, "all.md"))
    expect(mend.MendError.AlreadyExists, lambda: v.export(core.ExportFormat.JSON, os.path.join(d, "all.json")))
    import json
    with open(os.path.join(d, "all.json"), encoding="utf-8") as f:
        titles = sorted(n["title"] for n in json.load(f)["notes"])
    assert titles == ["for the session", "private"], titles
    today = v.progress().today
    request = core.SummaryRequest(first_day=today, last_day=today, practice=True, check_ins=False,
                                  answered_questions=False, note_ids=[note.id], letter_ids=[])
    preview = v.summary(request)
    assert [s.heading for s in preview.sections] == ["Practice and progress", "Notes"]
    name = mend.summary_file_name(request, core.SummaryFormat.HTML)
    assert name.startswith("summary-") and name.endswith(".html") and "session" not in name
    v.write_summary(request, core.SummaryFormat.HTML, os.path.join(d, name))
    with open(os.path.join(d, name), encoding="utf-8") as f:
        page = f.read()
    assert "what I want to bring" in page and "not for the session" not in page
    # The page the phones print is the one written, built in memory from the preview.
    assert mend.render_summary(preview, core.SummaryFormat.HTML) == page
    nothing = core.SummaryRequest(first_day=today, last_day=today, practice=False, check_ins=False,
                                  answered_questions=False, note_ids=[], letter_ids=[])
    expect(mend.MendError.InvalidInput, lambda: v.summary(nothing))


def main():
    passed = failed = 0
    for fn in TESTS:
        try:
            fn()
            passed += 1
        except Exception:  # noqa: BLE001 - every failure is reported
            failed += 1
            print(f"FAIL {fn.__name__}")
            traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
