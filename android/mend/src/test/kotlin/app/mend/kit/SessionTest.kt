// The app session and the screens before the vault opens: onboarding with the recovery code
// confirmed, the lock screen, forgot passcode, auto-lock, and a code lost before it was shown.
package app.mend.kit

import app.mend.core.InputField
import app.mend.core.Role
import app.mend.ffi.MendException
import app.mend.ffi.MendVault
import java.time.Instant
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

class SessionTest {
    @Test
    fun onboardingCreatesTheVaultAndTheCodeCountsOnlyOnceKept() = runBlocking {
        val scope = testScope()
        val path = tempVaultPath()
        val session = MendSession(path, SoftwareKeyStore())
        assertEquals(SessionState.NoVault, session.start())
        val model = OnboardingModel(session, scope, SMALL_KDF)
        model.chooseRole(Role.HURT)
        assertEquals(OnboardingStep.ChoosePasscode, model.state.value.step)
        val first = pass("123456")
        model.choosePasscode(first, pass("123457"))
        assertTrue(model.state.value.mismatch)
        assertTrue(first.all { it == 0.toByte() }, "the passcode was wiped")
        model.choosePasscode(pass("12345"), pass("12345"))
        val short = assertIs<MendException.InvalidInput>(model.state.value.problem)
        assertEquals(InputField.PASSCODE, short.field)
        model.choosePasscode(pass("123456"), pass("123456"))
        assertEquals(OnboardingStep.ShowRecoveryCode, model.state.value.step)
        assertEquals(34, assertNotNull(model.state.value.recoveryCode).length)
        assertEquals(SessionState.Unlocked(Role.HURT, recoveryCodeConfirmed = false), session.state.value)
        model.recoveryCodeKept()
        assertEquals(OnboardingStep.Done, model.state.value.step)
        assertNull(model.state.value.recoveryCode)
        assertEquals(SessionState.Unlocked(Role.HURT, recoveryCodeConfirmed = true), session.state.value)
        session.close()
        scope.cancel()
    }

    @Test
    fun aPhoneWithoutAScreenLockSetsOneBeforeTheVaultIsMade() = runBlocking {
        val scope = testScope()
        var screenLock = false
        val session = MendSession(tempVaultPath(), SoftwareKeyStore(), hasScreenLock = { screenLock })
        session.start()
        val model = OnboardingModel(session, scope, SMALL_KDF)
        model.chooseRole(Role.REPAIRING)
        assertTrue(model.state.value.needsScreenLock)
        val typed = pass("123456")
        model.choosePasscode(typed, pass("123456"))
        assertTrue(typed.all { it == 0.toByte() }, "the passcode was wiped")
        assertEquals(SessionState.NoVault, session.state.value)
        model.checkScreenLock()
        assertTrue(model.state.value.needsScreenLock, "still none")
        screenLock = true
        model.checkScreenLock()
        assertFalse(model.state.value.needsScreenLock)
        model.choosePasscode(pass("123456"), pass("123456"))
        assertEquals(OnboardingStep.ShowRecoveryCode, model.state.value.step)
        session.close()
        scope.cancel()
    }

    @Test
    fun theLockScreenUnlocksWithTheRightPasscode() = runBlocking {
        val scope = testScope()
        val session = newSession()
        session.lock()
        val model = UnlockModel(session, scope)
        model.submit(pass("wrong-code"))
        assertEquals(4, (model.state.value.problem as MendException.WrongPasscode).attemptsLeft)
        assertEquals(4, model.state.value.status?.attemptsLeft)
        model.submit(pass())
        assertNull(model.state.value.problem)
        assertIs<SessionState.Unlocked>(session.state.value)
        session.close()
        scope.cancel()
    }

    @Test
    fun theLockScreenCountsAttemptsThenCountsDownTheWait() = runBlocking {
        val scope = testScope()
        val session = newSession()
        session.lock()
        assertEquals(SessionState.Locked, session.state.value)
        var now = Instant.now()
        val model = UnlockModel(session, scope) { now }
        model.refresh()
        assertEquals(5, model.state.value.status?.attemptsLeft)
        for (left in 4 downTo 0) {
            model.submit(pass("wrong-code"))
            assertEquals(left, (model.state.value.problem as MendException.WrongPasscode).attemptsLeft)
        }
        val retryAt = assertNotNull(model.state.value.status?.retryAt)
        assertFalse(model.state.value.canSubmit(now))
        assertTrue(model.state.value.secondsToWait(now) in 29L..31L)
        // While waiting, a submit does nothing (and still wipes the passcode).
        val secret = pass()
        model.submit(secret)
        assertTrue(secret.all { it == 0.toByte() })
        assertEquals(SessionState.Locked, session.state.value)
        now = retryAt
        assertTrue(model.state.value.canSubmit(now))
        assertEquals(0L, model.state.value.secondsToWait(now))
        session.close()
        scope.cancel()
    }

    @Test
    fun biometricUnlockIsOfferedOnceOnAndEndsWithARekeyOrNewBiometrics() = runBlocking {
        val scope = testScope()
        val keeper = FakeBiometricKeeper()
        val session = newSession(biometrics = keeper)
        val settings = SettingsModel(session, scope)
        settings.refresh()
        assertTrue(settings.state.value.biometricAvailable)
        assertFalse(settings.state.value.biometric)
        // Cancelling the check while switching on leaves it off, in the vault too.
        keeper.next = BiometricOpening.Cancelled
        settings.setBiometric(true)
        assertFalse(settings.state.value.biometric)
        assertFalse(session.call { it.biometricUnlockEnabled() })
        keeper.next = null
        settings.setBiometric(true)
        assertTrue(settings.state.value.biometric)

        session.lock()
        val unlock = UnlockModel(session, scope)
        unlock.refresh()
        assertTrue(unlock.state.value.biometricReady)
        keeper.next = BiometricOpening.Cancelled
        unlock.unlockWithBiometrics()
        assertEquals(SessionState.Locked, session.state.value)
        keeper.next = null
        unlock.unlockWithBiometrics()
        assertIs<SessionState.Unlocked>(session.state.value)

        // A passcode change removes it on both sides.
        session.changePasscode(pass(), pass("passcode-2"))
        assertNull(keeper.kept)
        assertFalse(session.biometricUnlockReady())

        // New fingerprints: the platform's key is gone; the lock screen says so and stops offering it.
        settings.setBiometric(true)
        session.lock()
        unlock.refresh()
        keeper.next = BiometricOpening.Gone
        unlock.unlockWithBiometrics()
        assertTrue(unlock.state.value.biometricSwitchedOff)
        assertFalse(unlock.state.value.biometricReady)
        assertFalse(session.call { it.biometricUnlockEnabled() })
        unlock.submit(pass("passcode-2"))
        assertIs<SessionState.Unlocked>(session.state.value)
        session.close()
        scope.cancel()
    }

    @Test
    fun withoutBiometricsNothingIsOffered() = runBlocking {
        val scope = testScope()
        val session = newSession(biometrics = FakeBiometricKeeper(present = false))
        val settings = SettingsModel(session, scope)
        settings.refresh()
        assertFalse(settings.state.value.biometricAvailable)
        session.lock()
        val unlock = UnlockModel(session, scope)
        unlock.refresh()
        assertFalse(unlock.state.value.biometricReady)
        session.close()
        scope.cancel()
    }

    @Test
    fun forgotPasscodeSetsANewOneAndShowsANewCode() = runBlocking {
        val scope = testScope()
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        val session = MendSession(path, store)
        session.start()
        val code = session.create(Role.REPAIRING, pass(), SMALL_KDF)
        session.lock()
        val model = RecoverModel(session, scope)
        model.submit("0000-0000-0000-0000-0000-0000-0000", pass("new-passcode"), pass("new-passcode"))
        assertIs<MendException.WrongRecoveryCode>(model.state.value.problem)
        model.submit(code, pass("new-passcode"), pass("new-passcode"))
        val fresh = assertNotNull(model.state.value.newRecoveryCode)
        assertEquals(SessionState.Unlocked(Role.REPAIRING, recoveryCodeConfirmed = false), session.state.value)
        model.recoveryCodeKept()
        assertTrue(model.state.value.done)
        assertEquals(SessionState.Unlocked(Role.REPAIRING, recoveryCodeConfirmed = true), session.state.value)
        session.lock()
        session.unlock(pass("new-passcode"))
        session.close()
        // The code shown is the one that works now.
        MendVault.open(path, store).use { it.recover(fresh, pass("third-passcode")) }
        scope.cancel()
    }

    @Test
    fun changingThePasscodeRekeysAndShowsANewCode() = runBlocking {
        val scope = testScope()
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        val session = newSession(path = path, store = store)
        val model = ChangePasscodeModel(session, scope)
        model.submit(pass(), pass("new-passcode"), pass("new-passcodE"))
        assertTrue(model.state.value.mismatch)
        model.submit(pass("not-it"), pass("new-passcode"), pass("new-passcode"))
        assertIs<MendException.WrongPasscode>(model.state.value.problem)
        model.submit(pass(), pass("new-passcode"), pass("new-passcode"))
        val fresh = assertNotNull(model.state.value.newRecoveryCode)
        assertEquals(SessionState.Unlocked(Role.REPAIRING, recoveryCodeConfirmed = false), session.state.value)
        model.recoveryCodeKept()
        assertTrue(model.state.value.done)
        assertNull(model.state.value.newRecoveryCode, "the code is forgotten once kept")
        session.lock()
        kotlin.test.assertFailsWith<MendException.WrongPasscode> { session.unlock(pass()) }
        session.unlock(pass("new-passcode"))
        session.close()
        MendVault.open(path, store).use { it.recover(fresh, pass("third-passcode")) }
        scope.cancel()
    }

    @Test
    fun aCodeNeverConfirmedIsReplacedAtTheNextStart() = runBlocking {
        val scope = testScope()
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        val first = MendSession(path, store)
        first.start()
        val lost = first.create(Role.HURT, pass(), SMALL_KDF)
        first.close() // the app stopped before the code was shown
        val next = MendSession(path, store)
        assertEquals(SessionState.Locked, next.start())
        next.unlock(pass())
        assertEquals(SessionState.Unlocked(Role.HURT, recoveryCodeConfirmed = false), next.state.value)
        val model = RecoveryCodeModel(next, scope)
        model.replace()
        val shown = assertNotNull(model.state.value.code)
        model.kept()
        assertTrue(model.state.value.kept)
        assertEquals(SessionState.Unlocked(Role.HURT, recoveryCodeConfirmed = true), next.state.value)
        next.lock()
        next.call { v -> kotlin.test.assertFailsWith<MendException.WrongRecoveryCode> { v.recover(lost, pass("other-passcode")) } }
        next.recover(shown, pass("other-passcode"))
        next.close()
        scope.cancel()
    }

    @Test
    fun theVaultLocksAfterTheChosenDelayInTheBackground() = runBlocking {
        val scope = testScope()
        val session = newSession()
        val settings = SettingsModel(session, scope)
        settings.refresh()
        assertEquals(listOf(0, 30, 60, 300, 900), settings.state.value.autoLockChoices)
        assertEquals(60, settings.state.value.autoLockSeconds)
        session.movedToBackground(Instant.now())
        session.movedToForeground()
        assertIs<SessionState.Unlocked>(session.state.value, "back within the delay")
        settings.setAutoLock(30)
        assertEquals(30, settings.state.value.autoLockSeconds)
        session.movedToBackground(Instant.now().minusSeconds(31))
        session.movedToForeground()
        assertEquals(SessionState.Locked, session.state.value)
        assertNull(settings.state.value.autoLockSeconds, "what the screen showed is gone")
        session.close()
        scope.cancel()
    }

    @Test
    fun daysFollowTheDevicesZoneWhenItChanges() = runBlocking {
        var zone = java.time.ZoneId.of("Pacific/Kiritimati") // UTC+14
        val session = MendSession(tempVaultPath(), SoftwareKeyStore(), zone = { PlatformZone(zone) })
        session.start()
        session.create(Role.HURT, pass(), SMALL_KDF)
        val east = session.call { it.todayPrompt().date }
        zone = java.time.ZoneId.of("Pacific/Honolulu") // UTC-10: exactly a day behind, always
        session.timeZoneChanged()
        val west = session.call { it.todayPrompt().date }
        val eastDay = java.time.LocalDate.of(east.year, east.month, east.day)
        assertEquals(eastDay.minusDays(1), java.time.LocalDate.of(west.year, west.month, west.day))
        session.close()
    }

    @Test
    fun anInterruptedEraseIsFinishedAtTheNextStart() = runBlocking {
        val path = tempVaultPath()
        val store = SoftwareKeyStore()
        val first = MendSession(path, store)
        first.start()
        first.create(Role.HURT, pass(), SMALL_KDF)
        first.close()
        // Killed mid-erase: the key slots are gone, the files are not.
        val sql = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute('DELETE FROM key_slot')\nc.commit()"
        assertEquals(0, ProcessBuilder("python3", "-c", sql, path).start().waitFor())
        val next = MendSession(path, store)
        assertEquals(SessionState.NoVault, next.start())
        assertFalse(java.io.File(path).exists(), "the erase was finished")
        next.close()
    }

    @Test
    fun helpIsReachableWithoutAVault() = runBlocking {
        val scope = testScope()
        val session = MendSession(tempVaultPath(), SoftwareKeyStore())
        session.start()
        val help = HelpModel(session, scope)
        help.refresh()
        assertTrue(assertNotNull(help.state.value.help).resources.any { it.kind == app.mend.core.ResourceKind.CRISIS })
        session.close()
        scope.cancel()
    }

    @Test
    fun platformZoneFollowsDaylightSaving() {
        val berlin = PlatformZone(java.time.ZoneId.of("Europe/Berlin"))
        assertEquals(3600, berlin.offsetSeconds(1_767_225_600_000)) // 2026-01-01, winter
        assertEquals(7200, berlin.offsetSeconds(1_782_864_000_000)) // 2026-07-01, summer
    }
}
