"""The generated Python bindings, exercised across the whole exported surface.

Run by tests/bindings.sh with the generated mend.py and libmend_ffi.so on PYTHONPATH.
Prints one line per failure and a closing line 'N passed, N failed'; exits 1 on failure.
"""
import hashlib
import hmac
import os
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
import zoneinfo
from datetime import datetime, timezone

import mend

SMALL_KDF = mend.KdfOptions(memory_kib=256, iterations=1, parallelism=1)
PASS = "passcode-1".encode()
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class PythonKeyStore(mend.DeviceKeyStore):
    """A software key store written in Python: HMAC-SHA256 keystream plus a MAC."""

    def __init__(self):
        self.key = os.urandom(32)

    def _stream(self, nonce, n):
        out = b""
        counter = 0
        while len(out) < n:
            out += hmac.new(self.key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
            counter += 1
        return out[:n]

    def wrap(self, plain):
        if self.key is None:
            raise mend.DeviceKeyError.KeyMissing()
        nonce = os.urandom(16)
        body = bytes(a ^ b for a, b in zip(plain, self._stream(nonce, len(plain))))
        tag = hmac.new(self.key, b"tag" + nonce + body, hashlib.sha256).digest()
        return nonce + body + tag

    def unwrap(self, wrapped):
        if self.key is None:
            raise mend.DeviceKeyError.KeyMissing()
        nonce, body, tag = wrapped[:16], wrapped[16:-32], wrapped[-32:]
        good = hmac.new(self.key, b"tag" + nonce + body, hashlib.sha256).digest()
        if not hmac.compare_digest(tag, good):
            raise mend.DeviceKeyError.Rejected()
        return bytes(a ^ b for a, b in zip(body, self._stream(nonce, len(body))))

    def destroy_key(self):
        self.key = None


class PythonZone(mend.TimeZoneRules):
    """A time zone's rules from Python's zoneinfo, as a platform would provide them."""

    def __init__(self, name):
        self.zone = zoneinfo.ZoneInfo(name)

    def offset_seconds(self, utc_ms):
        moment = datetime.fromtimestamp(utc_ms / 1000, tz=timezone.utc)
        return int(moment.astimezone(self.zone).utcoffset().total_seconds())


class Impossible(mend.TimeZoneRules):
    def offset_seconds(self, utc_ms):
        return 25 * 3600


class Failing(mend.DeviceKeyStore):
    """A key store whose every call fails, declared or not."""

    def __init__(self, declared):
        self.declared = declared

    def _fail(self):
        if self.declared:
            raise mend.DeviceKeyError.Unavailable()
        raise RuntimeError("keystore exploded")

    def wrap(self, plain):
        self._fail()

    def unwrap(self, wrapped):
        self._fail()

    def destroy_key(self):
        self._fail()


def new_vault(role=mend.VaultRole.REPAIRING, store=None):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "vault.db")
    store = store or PythonKeyStore()
    created = mend.create_vault(path, PASS, role, SMALL_KDF, store)
    return path, store, created


def draft(title, body, step=None, tags=()):
    return mend.NoteDraft(title=title, body=body, step=step, tags=list(tags))


def expect(exc_type, fn):
    try:
        fn()
    except exc_type as e:
        return e
    raise AssertionError(f"expected {exc_type.__name__}")


@test
def create_unlock_lock_and_reopen():
    assert mend.default_kdf_options().memory_kib == 65536
    path, store, created = new_vault(mend.VaultRole.HURT)
    v = created.vault
    assert mend.vault_exists(path)
    assert not mend.vault_exists(path + ".nothing")
    assert len(created.recovery_code) == 34
    assert v.is_unlocked()
    assert v.role() == mend.VaultRole.HURT
    assert abs(v.started_at_ms() - time.time() * 1000) < 60_000
    assert v.damaged_record_count() == 0
    v.lock()
    assert not v.is_unlocked()
    again = mend.MendVault.open(path, store)
    assert not again.is_unlocked()
    status = again.unlock_status()
    assert (status.failed_attempts, status.attempts_left, status.retry_at_ms) == (0, 5, None)
    again.unlock(PASS)
    assert again.is_unlocked()
    expect(mend.MendError.AlreadyExists, lambda: mend.create_vault(path, PASS, mend.VaultRole.HURT, SMALL_KDF, store))
    expect(mend.MendError.NoVault, lambda: mend.MendVault.open(path + ".none", store))


@test
def wrong_passcodes_carry_attempts_left_then_a_retry_time():
    path, store, created = new_vault()
    v = created.vault
    v.lock()
    for left in [4, 3, 2, 1, 0]:
        e = expect(mend.MendError.WrongPasscode, lambda: v.unlock(b"wrong-code"))
        assert e.attempts_left == left, e.attempts_left
    e = expect(mend.MendError.TooManyAttempts, lambda: v.unlock(PASS))
    assert e.retry_at_ms > time.time() * 1000 + 20_000
    assert v.unlock_status().retry_at_ms == e.retry_at_ms


@test
def notes_round_trip_with_any_text_and_a_large_body():
    _, _, created = new_vault()
    v = created.vault
    texts = ["Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ"]
    ids = [v.add_note(draft(t, t + " body", step=1 + i, tags=[t[:5]])).id for i, t in enumerate(texts)]
    for note_id, t in zip(ids, texts):
        n = v.get_note(note_id)
        assert (n.summary.title, n.body) == (t, t + " body")
    big = "ü" * (512 * 1024)
    big_id = v.add_note(draft("big", big)).id
    assert v.get_note(big_id).body == big
    e = expect(mend.MendError.InvalidInput, lambda: v.add_note(draft("big", big + "!")))
    assert e.field == "body" and e.reason == "is too long"
    assert v.note_count() == 5
    page = v.list_notes(mend.NoteFilter(step=None, tag=None), 0, 2)
    assert page.total == 5 and [n.id for n in page.notes] == [big_id, ids[3]]
    assert v.newest_notes(1, 2).notes == v.list_notes(mend.NoteFilter(step=None, tag=None), 1, 2).notes
    assert [n.id for n in v.newest_notes(3, 50).notes] == [ids[1], ids[0]]
    step2 = v.list_notes(mend.NoteFilter(step=2, tag=None), 0, 50)
    assert [n.id for n in step2.notes] == [ids[1]]
    v.prepare_search()
    found = v.search_notes("CAFÉ évening", mend.NoteFilter(step=None, tag=None), 0, 10)
    assert [n.id for n in found.notes] == [ids[0]]
    assert v.search_notes("שלום", mend.NoteFilter(step=None, tag=None), 0, 10).total == 1
    edited = v.edit_note(ids[0], draft("Morning", "new words", step=None, tags=[]))
    assert edited.title == "Morning" and edited.created_at_ms <= edited.updated_at_ms
    assert v.get_note(ids[0]).body == "new words"
    v.delete_note(ids[0])
    expect(mend.MendError.NotFound, lambda: v.get_note(ids[0]))
    e = expect(mend.MendError.InvalidInput, lambda: v.get_note("not-an-id"))
    assert e.field == "id"


@test
def passcode_change_and_recovery():
    path, store, created = new_vault()
    v = created.vault
    v.add_note(draft("kept", "body"))
    v.change_passcode(PASS, b"second-pass")
    v.lock()
    expect(mend.MendError.WrongPasscode, lambda: v.unlock(PASS))
    v.unlock(b"second-pass")
    v.lock()
    e = expect(mend.MendError.WrongRecoveryCode, lambda: v.recover("0000-0000-0000-0000-0000-0000-0000", b"third-pass"))
    assert e.attempts_left == 4
    new_code = v.recover(created.recovery_code, b"third-pass")
    assert new_code != created.recovery_code and v.is_unlocked()
    assert v.note_count() == 1
    v.lock()
    expect(mend.MendError.WrongRecoveryCode, lambda: v.recover(created.recovery_code, b"fourth-pass"))
    v.unlock(b"third-pass")


@test
def a_key_store_written_in_python_binds_the_vault_to_it():
    path, store, created = new_vault()
    created.vault.lock()
    other = mend.MendVault.open(path, PythonKeyStore())
    e = expect(mend.MendError.DeviceKey, lambda: other.unlock(PASS))
    assert isinstance(e.reason, mend.DeviceKeyError.Rejected), e.reason


@test
def a_failing_key_store_surfaces_as_a_typed_error():
    d = tempfile.mkdtemp()
    e = expect(mend.MendError.DeviceKey, lambda: mend.create_vault(os.path.join(d, "a.db"), PASS, mend.VaultRole.HURT, SMALL_KDF, Failing(True)))
    assert isinstance(e.reason, mend.DeviceKeyError.Unavailable), e.reason
    e = expect(mend.MendError.DeviceKey, lambda: mend.create_vault(os.path.join(d, "b.db"), PASS, mend.VaultRole.HURT, SMALL_KDF, Failing(False)))
    assert isinstance(e.reason, mend.DeviceKeyError.Failed), e.reason


@test
def the_rust_file_key_store_works_from_python():
    d = tempfile.mkdtemp()
    store = mend.FileDeviceKeyStore(os.path.join(d, "device.key"))
    wrapped = store.wrap(b"secret")
    assert store.unwrap(wrapped) == b"secret"
    created = mend.create_vault(os.path.join(d, "vault.db"), PASS, mend.VaultRole.HURT, SMALL_KDF, store)
    created.vault.add_note(draft("t", "b"))
    assert os.stat(os.path.join(d, "device.key")).st_mode & 0o777 == 0o600
    store.destroy_key()
    try:
        store.unwrap(wrapped)
        raise AssertionError("unwrapped after destroy")
    except mend.DeviceKeyError.KeyMissing:
        pass


@test
def calls_from_many_threads_at_once():
    _, _, created = new_vault()
    v = created.vault
    errors = []

    def work(t):
        try:
            for i in range(20):
                s = v.add_note(draft(f"t{t} n{i}", "body"))
                assert v.get_note(s.id).summary.title == f"t{t} n{i}"
                v.list_notes(mend.NoteFilter(step=None, tag=None), 0, 10)
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
def locked_and_erased_objects_give_typed_errors():
    path, store, created = new_vault()
    v = created.vault
    note_id = v.add_note(draft("t", "b")).id
    v.lock()
    for call in [lambda: v.get_note(note_id), v.note_count, v.role, v.prepare_search,
                 lambda: v.add_note(draft("a", "b")), lambda: v.delete_note(note_id),
                 lambda: v.list_notes(mend.NoteFilter(step=None, tag=None), 0, 5)]:
        expect(mend.MendError.Locked, call)
    v.erase()
    assert not os.path.exists(path)
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
    assert (e.found, e.supported) == (99, 1)


@test
def the_program_today_practice_and_progress():
    steps = mend.program_steps()
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert mend.program_step(3).key == "remorse"
    expect(mend.MendError.NotFound, lambda: mend.program_step(9))
    assert len(mend.program_themes()) >= 5
    assert "988" in " ".join(mend.help_resources().crisis_lines)
    _, _, created = new_vault()
    v = created.vault
    tz = PythonZone("Europe/Berlin")
    today = v.today(tz)
    assert today.outcome == mend.PracticeOutcome.SHOWN and today.prompt.step is not None
    assert v.today(tz).prompt.id == today.prompt.id
    other = v.another_prompt(tz, 1)
    assert other.prompt.id != today.prompt.id and other.alternative == 1
    assert v.skip_prompt(tz, other.prompt.id).outcome == mend.PracticeOutcome.SKIPPED
    done = v.complete_prompt(tz, today.prompt.id, "Écouté, sans me défendre. 🙏")
    assert done.outcome == mend.PracticeOutcome.DONE and done.response == "Écouté, sans me défendre. 🙏"
    progress = v.progress(tz)
    assert progress.days_practised_last_7 == 1 and progress.days_practised == 1
    assert [m.key for m in progress.milestones] == ["first-practice"]
    assert sum(f.times_practised for f in progress.focuses) == 1
    e = expect(mend.MendError.InvalidInput, lambda: v.today(Impossible()))
    assert e.field == "time zone"
    v.lock()
    expect(mend.MendError.Locked, lambda: v.today(tz))


@test
def the_letter_phrasing_check():
    flags = mend.check_letter_phrasing("I'm sorry if you were hurt. Please forgive me, but you never listened.")
    assert [f.reason for f in flags] == [
        mend.PhrasingReason.MINIMISES, mend.PhrasingReason.ASKS_FORGIVENESS, mend.PhrasingReason.BLAMES,
    ]
    assert flags[0].excerpt == "if you were hurt" and (flags[0].start, flags[0].end) == (10, 26)
    assert mend.check_letter_phrasing("I lied to you, and I am sorry.") == []
    expect(mend.MendError.InvalidInput, lambda: mend.check_letter_phrasing("x" * (1024 * 1024 + 1)))


@test
def the_tools_add_edit_delete_and_list():
    _, _, created = new_vault(mend.VaultRole.HURT)
    v = created.vault
    check_in = v.add_entry(mend.ToolEntry.CHECK_IN(date="2026-11-25", safety=3, trust=2, connection=4, note="Long day"))
    assert check_in.entry.safety == 3 and len(check_in.id) == 32
    trigger = v.add_entry(mend.ToolEntry.TRIGGER(at_ms=1_000, what="A song 🎵", intensity=7, helped="Walking"))
    question = v.add_entry(mend.ToolEntry.QUESTION(text="Why?", asked_by=mend.Asker.ME, kind=mend.QuestionKind.MEANING,
                                                   answer="", status=mend.QuestionStatus.OPEN))
    v.add_entry(mend.ToolEntry.CONTACT(at_ms=2_000, channel="call", what_happened="", how_handled="Hung up",
                                       disclosed_at_ms=None))
    for kind in [mend.ToolKind.CHECK_INS, mend.ToolKind.TRIGGERS, mend.ToolKind.QUESTIONS, mend.ToolKind.CONTACTS]:
        assert len(v.entries(kind)) == 1, kind
    answered = v.edit_entry(question.id, mend.ToolEntry.QUESTION(
        text="Why?", asked_by=mend.Asker.ME, kind=mend.QuestionKind.MEANING, answer="I was afraid.",
        status=mend.QuestionStatus.ANSWERED))
    assert answered.entry.answer == "I was afraid."
    e = expect(mend.MendError.InvalidInput, lambda: v.edit_entry(question.id, mend.ToolEntry.TRIGGER(
        at_ms=1, what="x", intensity=1, helped="")))
    assert e.field == "entry"
    e = expect(mend.MendError.InvalidInput, lambda: v.add_entry(mend.ToolEntry.CHECK_IN(
        date="2026-11-25", safety=11, trust=2, connection=4, note="")))
    assert e.field == "safety"
    expect(mend.MendError.InvalidInput, lambda: v.add_entry(mend.ToolEntry.CHECK_IN(
        date="25/11/2026", safety=1, trust=2, connection=4, note="")))
    v.delete_entry(trigger.id)
    assert v.entries(mend.ToolKind.TRIGGERS) == []
    expect(mend.MendError.NotFound, lambda: v.delete_entry(trigger.id))
    weeks = v.progress(PythonZone("Europe/Berlin")).check_in_weeks
    assert [w.count for w in weeks] in ([1], []), weeks


@test
def reminders_schedule_in_the_platform_zone():
    _, _, created = new_vault()
    v = created.vault
    r = v.add_entry(mend.ToolEntry.REMINDER(purpose=mend.ReminderPurpose.CHECK_IN, weekdays=bytes([1, 2, 3, 4, 5, 6, 7]),
                                           hour=21, minute=15, enabled=True))
    assert r.entry.weekdays == bytes([1, 2, 3, 4, 5, 6, 7]) and (r.entry.hour, r.entry.minute) == (21, 15)
    upcoming = v.upcoming_reminders(PythonZone("Asia/Tokyo"), 3)
    assert len(upcoming) == 3 and all(f.text == "Time for your check-in" for f in upcoming)
    assert all(f.at_ms % 86_400_000 == (12 * 60 + 15) * 60_000 for f in upcoming)
    assert all(f.reminder_id == r.id for f in upcoming)
    expect(mend.MendError.InvalidInput, lambda: v.add_entry(mend.ToolEntry.REMINDER(
        purpose=mend.ReminderPurpose.PRACTICE, weekdays=bytes([8]), hour=1, minute=0, enabled=True)))
    expect(mend.MendError.InvalidInput, lambda: v.upcoming_reminders(PythonZone("UTC"), 0))


@test
def the_step_tools_worksheets_boundaries_cut_ties_and_time_together():
    _, _, created = new_vault()
    v = created.vault
    info = mend.worksheet_info(mend.WorksheetKind.REMORSE_LETTER)
    assert info.sections[0] == "What I did" and len(info.sections) == 4
    assert len(mend.worksheet_info(mend.WorksheetKind.STORY).sections) == 3
    letter = v.add_entry(mend.ToolEntry.WORKSHEET(kind=mend.WorksheetKind.REMORSE_LETTER, sections=[
        "I lied to you for months.", "You stopped sleeping.", "It was my choice.", "I answer every question."]))
    assert letter.entry.sections[2] == "It was my choice."
    expect(mend.MendError.InvalidInput, lambda: v.add_entry(mend.ToolEntry.WORKSHEET(
        kind=mend.WorksheetKind.STORY, sections=["only one"])))
    v.add_entry(mend.ToolEntry.WORKSHEET(kind=mend.WorksheetKind.STORY, sections=["Loneliness", "", "Fear"]))
    v.add_entry(mend.ToolEntry.WORKSHEET(kind=mend.WorksheetKind.VALIDATION_NOTE, sections=["Scared", "It makes sense", ""]))
    v.add_entry(mend.ToolEntry.BOUNDARY(is_need=False, text="No contact with them at all", agreed=True))
    tie = v.add_entry(mend.ToolEntry.CUT_TIE(item="Leave the shared gym", done=False))
    v.add_entry(mend.ToolEntry.TIME_TOGETHER(at_ms=1_000, plan="A walk after dinner", asked=True,
                                            answer=mend.InvitationAnswer.NOT_NOW, respected=True))
    for kind in [mend.ToolKind.REMORSE_LETTERS, mend.ToolKind.STORIES, mend.ToolKind.VALIDATION_NOTES,
                 mend.ToolKind.BOUNDARIES, mend.ToolKind.CUT_TIES, mend.ToolKind.TIME_TOGETHER]:
        assert len(v.entries(kind)) == 1, kind
    done = v.edit_entry(tie.id, mend.ToolEntry.CUT_TIE(item="Leave the shared gym", done=True))
    assert done.entry.done is True
    assert v.entries(mend.ToolKind.TIME_TOGETHER)[0].entry.answer == mend.InvitationAnswer.NOT_NOW


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
