// Ctrl-C, a closed terminal (SIGHUP) and SIGTERM: the draft is already saved
// after every answer, so the handler only says where it is and exits 130.
// Saves run with these signals blocked, so an interrupt never cuts one short.
import Foundation

public enum Interrupts {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The terminal's modes to put back on an interrupt while a single key is read (raw mode).
    nonisolated(unsafe) private static var savedModes: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) private static var restoreModes: sig_atomic_t = 0

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

    /// Keeps `modes` (the terminal's usual modes) to restore if a signal ends the process before
    /// `releaseTerminalModes` is called: the person's shell gets its terminal back as it was.
    static func holdTerminalModes(_ modes: termios) {
        var set = blockSet()
        var old = sigset_t()
        sigprocmask(SIG_BLOCK, &set, &old)
        defer { sigprocmask(SIG_SETMASK, &old, nil) }
        if savedModes == nil { savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1) }
        savedModes?.initialize(to: modes)
        restoreModes = 1
    }

    static func releaseTerminalModes() { restoreModes = 0 }

    private static func handle() {
        if restoreModes != 0, let modes = savedModes { tcsetattr(STDIN_FILENO, TCSANOW, modes) }
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
