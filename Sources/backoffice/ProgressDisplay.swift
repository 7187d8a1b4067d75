import BackOffice
import Foundation
import Synchronization

/// Shows a long job's progress on stderr: on a terminal, a bar redrawn in place once a phase
/// has over 100 000 items; otherwise a plain line as each phase starts (and every tenth of a
/// large one), which reads well in logs.
final class ProgressDisplay: Sendable {
    static let barThreshold = 100_000

    private struct State {
        var phase: UsageImportProgress.Phase?
        var shownPercent = -1
        var barOpen = false
    }

    private let state = Mutex(State())
    private let terminal = isatty(STDERR_FILENO) == 1

    @Sendable func show(_ progress: UsageImportProgress) {
        state.withLock { state in
            let large = progress.total > Self.barThreshold
            if progress.phase != state.phase {
                if state.barOpen { Self.write("\n") }
                state = State(phase: progress.phase)
                if !(terminal && large) { Self.write("backoffice: \(Self.describe(progress))\n") }
            }
            guard large, progress.total > 0 else { return }
            let percent = progress.done * 100 / progress.total
            guard percent > state.shownPercent else { return }
            if terminal {
                let width = 30
                let filled = progress.done * width / progress.total
                Self.write("\r\(progress.phase.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) ["
                    + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                    + "] \(percent)% \(progress.done)/\(progress.total)")
                state.barOpen = true
            } else if percent / 10 > max(state.shownPercent, 0) / 10 {
                Self.write("backoffice: \(progress.phase.rawValue) \(progress.done)/\(progress.total) (\(percent / 10 * 10)%)\n")
            }
            state.shownPercent = percent
        }
    }

    /// Ends a bar left open, so that what follows starts on a line of its own.
    func finish() {
        state.withLock { state in
            if state.barOpen { Self.write("\n") }
            state.barOpen = false
        }
    }

    private static func describe(_ progress: UsageImportProgress) -> String {
        switch progress.phase {
        case .checking: return "checking \(progress.total) lines"
        case .loading: return "loading \(progress.total) rows"
        case .replacing: return "replacing the months the file covers"
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
