// The app's root: which screen follows from where the session stands — first run, the lock
// screen (or forgot passcode), a recovery code still to keep, or the open space — with help
// one tap away from each. The same composable runs on Android and on the desktop.
package app.mend.ui

import androidx.compose.foundation.focusGroup
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.Build
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Lock
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusProperties
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.LocalFocusManager
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.text.style.TextAlign
import app.mend.core.Focus
import app.mend.core.KdfParams
import app.mend.core.ProgramPage
import app.mend.core.RecordId
import app.mend.core.Role
import app.mend.core.Step
import app.mend.core.ToolKind
import app.mend.core.ToolRecord
import app.mend.core.WorksheetKind
import app.mend.ffi.defaultKdfParams
import app.mend.ffi.programSteps
import app.mend.ffi.toolsForRole
import app.mend.kit.BackupModel
import app.mend.kit.ChangePasscodeModel
import app.mend.kit.CheckInModel
import app.mend.kit.ExportModel
import app.mend.kit.HelpModel
import app.mend.kit.JournalModel
import app.mend.kit.MendSession
import app.mend.kit.NoteEditorModel
import app.mend.kit.OnboardingModel
import app.mend.kit.OnboardingStep
import app.mend.kit.ProgramModel
import app.mend.kit.ProgressModel
import app.mend.kit.RecoverModel
import app.mend.kit.RecoveryCodeModel
import app.mend.kit.RemindersModel
import app.mend.kit.RestoreModel
import app.mend.kit.SessionState
import app.mend.kit.SettingsModel
import app.mend.kit.SharedFiles
import app.mend.kit.SummaryModel
import app.mend.kit.TodayModel
import app.mend.kit.ToolModel
import app.mend.kit.UnlockModel
import app.mend.kit.WorksheetModel
import kotlin.math.min
import kotlinx.coroutines.launch

/** The sections of the open space, one per tab. */
private enum class Section { Today, Program, Journal, Tools, Progress, Settings }

/** The open space: a tab per section, the note editor over the journal, lock in the title bar. */
@Composable
private fun Home(
    session: MendSession,
    unlocked: SessionState.Unlocked,
    today: TodayModel,
    page: SettingsPage?,
    onPage: (SettingsPage?) -> Unit,
    onHelp: () -> Unit,
    sharedFiles: SharedFiles?,
    kdf: KdfParams,
) {
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    val role = unlocked.role
    var section by remember { mutableStateOf(Section.Today) }
    var editing by remember { mutableStateOf<Editing?>(null) }
    val journal = remember { JournalModel(session, scope) }
    val editor = remember { NoteEditorModel(session, scope) }
    val settings = remember { SettingsModel(session, scope) }
    val program = remember { ProgramModel(session, scope) }
    val checkIn = remember { CheckInModel(session, scope) }
    var tool by remember { mutableStateOf<ToolKind?>(null) }
    var writing by remember { mutableStateOf<Writing?>(null) }
    val toolModels = remember { mutableMapOf<ToolKind, ToolModel>() }
    val reminders = remember { RemindersModel(session, scope) }
    val worksheetModels = remember { mutableMapOf<WorksheetKind, WorksheetModel>() }
    val progress = remember { ProgressModel(session, scope) }
    val programState by program.state.collectAsState()
    val changePasscode = remember { ChangePasscodeModel(session, scope) }
    val recoveryCode = remember { RecoveryCodeModel(session, scope) }
    val backup = remember { sharedFiles?.let { BackupModel(session, scope, it, kdf) } }
    val export = remember { sharedFiles?.let { ExportModel(session, scope, it) } }
    val summary = remember { sharedFiles?.let { SummaryModel(session, scope, it) } }
    var steps by remember { mutableStateOf<List<Step>>(emptyList()) }
    // The steps are the repairing partner's program: only their notes are filed by step.
    LaunchedEffect(role) {
        steps = if (role == Role.REPAIRING) runCatching { session.anytime { programSteps() } }.getOrDefault(emptyList()) else emptyList()
    }
    // One screen at a time, chosen in order: what is open over the tabs, else the tabs.
    val editingNow = editing
    val writingNow = writing
    val toolNow = tool
    val pageOpen = programState.open
    when {
        editingNow != null -> NoteEditorScreen(editor, editingNow.id, onClose = { editing = null }, onHelp = onHelp)
        writingNow != null -> {
            val model = worksheetModels.getOrPut(writingNow.kind) { WorksheetModel(session, scope, writingNow.kind) }
            WorksheetScreen(model, writingNow.existing, onClose = { writing = null }, onHelp = onHelp)
        }
        toolNow == ToolKind.REMINDERS -> RemindersScreen(reminders, onBack = { tool = null }, onHelp = onHelp)
        toolNow != null -> {
            val model = toolModels.getOrPut(toolNow) { ToolModel(session, scope, toolNow) }
            ToolScreen(
                toolNow,
                model,
                onWrite = { existing -> worksheetOf(toolNow)?.let { writing = Writing(it, existing) } },
                onBack = { tool = null },
                onHelp = onHelp,
            )
        }
        pageOpen != null -> ProgramPageScreen(pageOpen, onBack = { program.open(null) }, onHelp = onHelp)
        page == SettingsPage.ChangePasscode || page == SettingsPage.SomeoneMayKnow ->
            ChangePasscodeScreen(changePasscode, page == SettingsPage.SomeoneMayKnow, onClose = { onPage(null) }, onHelp = onHelp)
        page == SettingsPage.Backup && backup != null -> BackupScreen(backup, onClose = { onPage(null) }, onHelp = onHelp)
        page == SettingsPage.Export && export != null -> ExportScreen(export, onClose = { onPage(null) }, onHelp = onHelp)
        page == SettingsPage.Summary && summary != null -> SummaryScreen(summary, onClose = { onPage(null) }, onHelp = onHelp)
        page == SettingsPage.NewRecoveryCode -> {
            val codeState by recoveryCode.state.collectAsState()
            LaunchedEffect(Unit) { recoveryCode.replace() }
            LaunchedEffect(codeState.kept) { if (codeState.kept) onPage(null) }
            RecoveryCodeView(strings.newRecoveryCodeAsked, codeState.code, codeState.problem, {
                scope.launch { recoveryCode.kept() }
            }, onHelp)
        }
        else -> {
            // Back from another tab (or settings) goes to today's.
            OnBack(enabled = section != Section.Today) { section = Section.Today }
            val title = when (section) {
                Section.Today -> strings.today
                Section.Program -> if (role == Role.REPAIRING) strings.programRepairing else strings.programHurt
                Section.Journal -> strings.journal
                Section.Progress -> strings.progress
                Section.Tools -> strings.tools
                Section.Settings -> strings.settings
            }
            // A step or theme by name, from the program's pages.
            val titleOf = { focus: Focus ->
                programState.pages.firstNotNullOfOrNull { page ->
                    when {
                        page is ProgramPage.Step && focus is Focus.Step && page.v1.number == focus.number -> page.v1.title
                        page is ProgramPage.Theme && focus is Focus.Theme && page.v1.key == focus.key -> page.v1.title
                        else -> null
                    }
                } ?: ""
            }
            MendScreen(
                title,
                onHelp,
                actions = {
                    IconButton(onClick = { section = Section.Settings }, modifier = Modifier.testTag("tab-settings")) {
                        Icon(Icons.Filled.Settings, contentDescription = strings.settings)
                    }
                    IconButton(onClick = { scope.launch { session.lock() } }, modifier = Modifier.testTag("lock")) {
                        Icon(Icons.Filled.Lock, contentDescription = strings.lock)
                    }
                },
                bottomBar = {
                    NavigationBar {
                        NavigationBarItem(
                            selected = section == Section.Today,
                            onClick = { section = Section.Today },
                            icon = { Icon(Icons.Filled.Home, contentDescription = null) },
                            label = { TabLabel(strings.today) },
                            modifier = Modifier.testTag("tab-today"),
                        )
                        NavigationBarItem(
                            selected = section == Section.Program,
                            onClick = { section = Section.Program },
                            icon = { Icon(Icons.AutoMirrored.Filled.List, contentDescription = null) },
                            label = { TabLabel(if (role == Role.REPAIRING) strings.programTabRepairing else strings.programHurt) },
                            modifier = Modifier.testTag("tab-program"),
                        )
                        NavigationBarItem(
                            selected = section == Section.Journal,
                            onClick = { section = Section.Journal },
                            icon = { Icon(Icons.Filled.Edit, contentDescription = null) },
                            label = { TabLabel(strings.journal) },
                            modifier = Modifier.testTag("tab-journal"),
                        )
                        NavigationBarItem(
                            selected = section == Section.Tools,
                            onClick = { section = Section.Tools },
                            icon = { Icon(Icons.Filled.Build, contentDescription = null) },
                            label = { TabLabel(strings.tools) },
                            modifier = Modifier.testTag("tab-tools"),
                        )
                        NavigationBarItem(
                            selected = section == Section.Progress,
                            onClick = { section = Section.Progress },
                            icon = { Icon(Icons.Filled.DateRange, contentDescription = null) },
                            label = { TabLabel(strings.progress) },
                            modifier = Modifier.testTag("tab-progress"),
                        )

                    }
                },
            ) {
                RecordsBanner(unlocked) { scope.launch { session.keepRecordsAsTheyAre() } }
                when (section) {
                    Section.Today -> TodayContent(today, onHelp = onHelp)
                    Section.Program -> ProgramContent(program)
                    Section.Journal -> JournalContent(journal, steps) { id -> editing = Editing(id) }
                    Section.Progress -> {
                        LaunchedEffect(Unit) { program.refresh() }
                        ProgressContent(checkIn, progress, titleOf, onHelp)
                    }
                    Section.Tools -> ToolsContent(remember(role) { toolsForRole(role) }) { tool = it }
                    Section.Settings -> SettingsContent(settings, canBackUp = backup != null, role = role) { opened ->
                        // The summary's choices load as the page is asked for, as well as when it shows.
                        if (opened == SettingsPage.Summary) summary?.let { scope.launch { it.refresh() } }
                        onPage(opened)
                    }
                }
            }
        }
    }
}

/** The worksheet being written: of [kind], [existing] or a new one when null. */
private class Writing(val kind: WorksheetKind, val existing: ToolRecord?)

/** The note being edited: [id], or a new one when null. */
private class Editing(val id: RecordId?)

/**
 * Mend's screens over [session]; [kdf] sets the key derivation of a new vault and of backups
 * (tests pass a cheap one); [keyIsAFile] says the device key is a file (desktops), which first
 * run says plainly; [sharedFiles], where the platform has them, offers backups and restoring.
 */
@Composable
fun MendApp(
    session: MendSession,
    kdf: KdfParams = defaultKdfParams(),
    keyIsAFile: Boolean = false,
    sharedFiles: SharedFiles? = null,
) {
    val state by session.state.collectAsState()
    val scope = rememberCoroutineScope()
    val strings = LocalStrings.current
    var helpOpen by remember { mutableStateOf(false) }
    var forgot by remember { mutableStateOf(false) }
    // A settings page open over the space (it may be showing a new recovery code).
    var page by remember { mutableStateOf<SettingsPage?>(null) }
    val help = remember { HelpModel(session, scope) }
    val onboarding = remember { OnboardingModel(session, scope, kdf) }
    val unlock = remember { UnlockModel(session, scope) }
    val recover = remember { RecoverModel(session, scope) }
    val recoveryCode = remember { RecoveryCodeModel(session, scope) }
    val today = remember { TodayModel(session, scope) }
    val restore = remember { sharedFiles?.let { RestoreModel(session, scope, it, kdf) } }
    var restoring by remember { mutableStateOf(false) }
    val onboardingState by onboarding.state.collectAsState()
    val recoverState by recover.state.collectAsState()
    val focus = LocalFocusManager.current
    val openHelp = { focus.clearFocus(); helpOpen = true }
    // The quick exit, on every screen: locked first, then the platform leaves (home screen on
    // a phone, the window minimised on a computer); nothing that was open stays on screen.
    val actions = LocalHelpActions.current
    val quickExit = {
        helpOpen = false
        page = null
        scope.launch {
            session.lock()
            actions.leave()
        }
        Unit
    }

    // Help opens over the screen, which stays as it was beneath it, out of reach meanwhile
    // (hidden from screen readers, and the keyboard's focus cannot enter it): nothing
    // half-written is lost by asking for help.
    val helpFocus = remember { FocusRequester() }
    val beneathHelp = Modifier.clearAndSetSemantics {}.focusProperties { onEnter = { cancelFocusChange() } }.focusGroup()
    CompositionLocalProvider(LocalQuickExit provides quickExit) {
    Box(Modifier.fillMaxSize()) {
        Box(Modifier.fillMaxSize().then(if (helpOpen) beneathHelp else Modifier)) {
            // Restoring on first run, and its new recovery code until it is kept.
            val restoreState = restore?.state?.collectAsState()?.value
            if (restoreState != null) LaunchedEffect(restoreState.done) { if (restoreState.done) restoring = false }
            val showRestore = restoreState != null && (restoreState.recoveryCode != null || (restoring && state == SessionState.NoVault))
            when {
                // A flow that shows a new recovery code stays on screen until the code is kept,
                // although the session is already unlocked.
                onboardingState.step == OnboardingStep.ShowRecoveryCode -> OnboardingScreen(onboarding, openHelp, keyIsAFile)
                showRestore && restore != null -> RestoreScreen(restore, onBack = { restoring = false }, onHelp = openHelp)
                forgot && (state == SessionState.Locked || recoverState.newRecoveryCode != null) ->
                    RecoverScreen(recover, onBack = { forgot = false }, onHelp = openHelp)
                else -> when (val s = state) {
                    SessionState.Starting -> {}
                    SessionState.NoVault -> OnboardingScreen(onboarding, openHelp, keyIsAFile, onRestore = restore?.let { { restoring = true } })
                    SessionState.SettingsLost -> ChooseRoleAgainScreen(openHelp) { role -> scope.launch { session.chooseRoleAgain(role) } }
                    SessionState.Erased -> {
                        LaunchedEffect(Unit) { page = null }
                        MendScreen(strings.appName, openHelp) {
                            Text(strings.erasedText, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("erased"))
                        }
                    }
                    SessionState.Locked -> {
                        LaunchedEffect(Unit) { page = null }
                        UnlockScreen(unlock, onForgot = { forgot = true }, onHelp = openHelp)
                    }
                    is SessionState.Unlocked -> {
                        LaunchedEffect(Unit) { forgot = false }
                        // A code never confirmed (the app stopped before it was kept) is replaced and
                        // shown first, unless a settings page is showing its own new code.
                        if (!s.recoveryCodeConfirmed && page == null) {
                            val codeState by recoveryCode.state.collectAsState()
                            LaunchedEffect(Unit) { if (codeState.code == null) recoveryCode.replace() }
                            RecoveryCodeView(strings.newRecoveryCodeText, codeState.code, codeState.problem, {
                                scope.launch { recoveryCode.kept() }
                            }, openHelp)
                        } else {
                            Home(session, s, today, page, { page = it }, openHelp, sharedFiles, kdf)
                        }
                    }
                }
            }
        }
        if (helpOpen) {
            // A surface takes every touch, so nothing beneath help can be tapped; the keyboard
            // starts on it, so Tab moves through help.
            Surface(Modifier.fillMaxSize().focusRequester(helpFocus).focusGroup()) { HelpScreen(help, onBack = { helpOpen = false }) }
            LaunchedEffect(Unit) { helpFocus.requestFocus() }
        }
    }
    }
}

/** How far tab labels grow with the font: five of them share a phone's width. */
private const val MAX_TAB_LABEL_SCALE = 1.1f

/** How far a tab's label shrinks to fit whole, where a language's word is long. */
private const val MIN_TAB_LABEL_SCALE = 0.7f

/**
 * A tab's label: whole words only, growing with the person's font size up to
 * [MAX_TAB_LABEL_SCALE] (as system bars do; the screens above grow all the way); where a
 * language's words are too long for the tab, on two lines, shrinking down to
 * [MIN_TAB_LABEL_SCALE] until they fit.
 */
@Composable
private fun TabLabel(text: String) {
    val fontScale = LocalDensity.current.fontScale
    val size = MaterialTheme.typography.labelMedium.fontSize * (min(fontScale, MAX_TAB_LABEL_SCALE) / fontScale)
    val fit = remember(size) { WholeWordsFit(min = size * MIN_TAB_LABEL_SCALE, max = size) }
    Text(text, maxLines = 2, textAlign = TextAlign.Center, autoSize = fit)
}
