// Ctrl-C, a closed terminal (SIGHUP) and SIGTERM: the draft is already saved
// after every answer, so the handler only says where it is and exits 130.
// Saves run with these signals blocked, so an interrupt never cuts one short.
import Foundation

public enum Interrupts {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers; `message` is written to standard error on an interrupt.
    public static func install(message text: String) {
        setMessage(text)
        for s in signals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = { _ in Interrupts.handle() }
            #else
            action.__sigaction_u.__sa_handler = { _ in Interrupts.handle() }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, nil)
        }
    }

    /// Replaces the message (e.g. once the draft's file name is known).
    public static func setMessage(_ text: String) {
        var set = blockSet()
        var old = sigset_t()
        sigprocmask(SIG_BLOCK, &set, &old)
        defer { sigprocmask(SIG_SETMASK, &old, nil) }
        let bytes = Array(text.utf8CString)
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        p.initialize(from: bytes, count: bytes.count)
        let previous = message
        message = p
        messageLength = bytes.count - 1
        previous?.deallocate()
    }

    private static func handle() {
        if let m = message { _ = write(STDERR_FILENO, m, messageLength) }
        _exit(130)
    }

    private static func blockSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        return set
    }

    /// Runs `body` with the interrupt signals held back until it is done.
    public static func deferred<T>(_ body: () throws -> T) rethrows -> T {
        var set = blockSet()
        var old = sigset_t()
        sigprocmask(SIG_BLOCK, &set, &old)
        defer { sigprocmask(SIG_SETMASK, &old, nil) }
        return try body()
    }
}
