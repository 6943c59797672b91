// Mend's reminders as local notifications on Apple platforms: the next ones the core gives
// (locked or not), each a one-time UNCalendarNotificationTrigger at the local date and time
// the core computed, titled with the core's neutral text and nothing else. iOS keeps 64
// pending requests per app, so the next 60 are armed, again whenever the app becomes active,
// the vault locks or unlocks, or the reminders change; erasing removes them all. Apple-only,
// behind #if canImport; the schedule itself is the core's, tested on Linux.
#if canImport(UserNotifications) && !os(Linux)
import Foundation
import MendCore
import UserNotifications

/// Arms Mend's reminders with the system's notification center.
@MainActor
public final class NotificationReminders {
    /// How many are armed ahead (the system keeps at most 64 per app).
    public static let ahead: Int32 = 60
    private static let prefix = "app.mend.reminder."

    private let session: MendSession

    /// Reminders for the vault `session` owns.
    public init(session: MendSession) {
        self.session = session
    }

    /// Asks to show notifications (when the person adds a reminder, not before).
    public func requestPermission() async -> Bool {
        (try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])) ?? false
    }

    /// Replaces the armed reminders with the next ones the core gives. When the core cannot
    /// answer (the device is locked), the armed ones stay.
    public func rearm() async {
        guard let firings = try? await session.upcomingReminders(limit: Self.ahead) else { return }
        let center = UNUserNotificationCenter.current()
        center.removeAllPendingNotificationRequests()
        for (index, firing) in firings.enumerated() {
            let content = UNMutableNotificationContent()
            content.title = firing.text
            content.sound = .default
            var when = DateComponents()
            when.year = Int(firing.localDate.year)
            when.month = Int(firing.localDate.month)
            when.day = Int(firing.localDate.day)
            when.hour = Int(firing.localHour)
            when.minute = Int(firing.localMinute)
            let trigger = UNCalendarNotificationTrigger(dateMatching: when, repeats: false)
            let request = UNNotificationRequest(identifier: Self.prefix + String(index), content: content, trigger: trigger)
            try? await center.add(request)
        }
    }

    /// Removes every armed and shown reminder (after an erase).
    public func removeAll() {
        let center = UNUserNotificationCenter.current()
        center.removeAllPendingNotificationRequests()
        center.removeAllDeliveredNotifications()
    }
}
#endif
