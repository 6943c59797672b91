// Reminders: each one on or off or deleted, a new one (what for, which days, what time), and
// the notifications coming up with the neutral words they will carry. Adding the first one
// asks to show notifications; they are armed by the app from the core's schedule.
import MendCore
import MendKit
import SwiftUI

struct RemindersView: View {
    let notifications: NotificationReminders
    @State private var model: RemindersViewModel
    @State private var purpose = ReminderPurpose.practice
    @State private var days: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
    @State private var hour: Int32 = 20
    @State private var minute: Int32 = 0
    @Environment(\.words) private var words

    private let week: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    init(session: MendSession, notifications: NotificationReminders) {
        self.notifications = notifications
        _model = State(initialValue: RemindersViewModel(session: session))
    }

    var body: some View {
        Form {
            Section {
                ForEach(model.reminders, id: \.id) { record in
                    if case .reminder(let reminder) = record.entry {
                        Toggle(summary(reminder), isOn: Binding(
                            get: { reminder.enabled },
                            set: { on in Task { await model.setEnabled(record, on); await notifications.rearm() } }
                        ))
                        .swipeActions {
                            Button(words.delete, role: .destructive) {
                                Task { await model.delete(id: record.id); await notifications.rearm() }
                            }
                        }
                        .accessibilityIdentifier("reminder")
                    }
                }
            }
            Section(words.addReminder) {
                Picker(words.reminders, selection: $purpose) {
                    Text(words.remindPractice).tag(ReminderPurpose.practice)
                    Text(words.remindCheckIn).tag(ReminderPurpose.checkIn)
                }
                HStack {
                    ForEach(week, id: \.self) { day in
                        let chosen = days.contains(day)
                        Button(words.weekday(day)) { if chosen { days.remove(day) } else { days.insert(day) } }
                            .buttonStyle(.bordered)
                            .tint(chosen ? .accentColor : .secondary)
                            .accessibilityAddTraits(chosen ? .isSelected : [])
                            .accessibilityIdentifier("day-\(day)")
                    }
                }
                // The core checks the hour and minute; a refusal is said below.
                LabeledContent(words.hour) {
                    TextField(words.hour, value: $hour, format: .number)
                        .keyboardType(.numberPad)
                        .multilineTextAlignment(.trailing)
                        .accessibilityIdentifier("hour")
                }
                LabeledContent(words.minutes) {
                    TextField(words.minutes, value: $minute, format: .number)
                        .keyboardType(.numberPad)
                        .multilineTextAlignment(.trailing)
                        .accessibilityIdentifier("minute")
                }
                Button(words.addReminder) {
                    let reminder = Reminder(purpose: purpose, weekdays: week.filter(days.contains),
                                            hour: hour, minute: minute, enabled: true)
                    Task {
                        await model.add(reminder)
                        _ = await notifications.requestPermission()
                        await notifications.rearm()
                    }
                }
                .accessibilityIdentifier("add-reminder")
            }
            if !model.upcoming.isEmpty {
                Section(words.comingUp) {
                    ForEach(Array(model.upcoming.enumerated()), id: \.offset) { _, firing in
                        LabeledContent(firing.text, value: firing.at.formatted(date: .abbreviated, time: .shortened))
                    }
                }
                .accessibilityIdentifier("upcoming")
            }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .navigationTitle(words.reminders)
        .withHelp()
        .task { await model.refresh() }
    }

    private func summary(_ reminder: Reminder) -> String {
        words.reminderSummary(reminder)
    }
}
