// Durable writes and locks: a temporary file in the same folder, write,
// fsync, rename over the target, fsync the folder; the target's mode is kept.
import Foundation

/// An output that cannot be written (exit 73).
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "\(path): error: cannot write: \(reason)" }
}

/// Ctrl-C, SIGTERM and SIGHUP held back while a command finishes something it must not leave half done: a
/// write and the line that confirms it. One that came meanwhile ends the command with success afterwards, since
/// the work is done and said (a retry must not do it twice).
public enum SignalHold {
    nonisolated(unsafe) private static var previous = sigset_t()
    nonisolated(unsafe) private static var holding = false

    public static func begin() {
        guard !holding else { return }
        var hold = sigset_t()
        sigemptyset(&hold)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&hold, s) }
        sigprocmask(SIG_BLOCK, &hold, &previous)
        holding = true
    }

    /// The work is done and said: when a signal came while held, exits with success; otherwise lets signals
    /// through again.
    public static func end() {
        guard holding else { return }
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGHUP) == 1 {
            fflush(nil)
            exit(0)
        }
        release()
    }

    /// Lets the signals through again, the work not done: one that came meanwhile acts as it would have.
    public static func release() {
        guard holding else { return }
        holding = false
        sigprocmask(SIG_SETMASK, &previous, nil)
    }
}

public enum AtomicFile {
    /// The file a path names, through any symlinks (the path itself when it does not exist yet).
    public static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Writes a new file; fails with "already exists" rather than replace one, atomically
    /// (the complete file appears under its name, or nothing does).
    public static func create(_ bytes: [UInt8], at path: String, mode: mode_t = 0o644) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let tmp = "\(dir)/.\(URL(fileURLWithPath: path).lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try write(bytes, to: tmp, mode: mode)
        defer { unlink(tmp) }
        guard link(tmp, path) == 0 else {
            if errno == EEXIST { throw AlreadyExists(path: path) }
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    public struct AlreadyExists: Error, Sendable { public var path: String }

    /// Writes `bytes` to `path` so that a crash leaves either the old file or the new one.
    /// Through a symlink, the file it names is replaced and the link kept. `durable: false` skips the fsyncs
    /// (for output that can be built again, such as a site's pages): the replacement is still all or nothing.
    public static func write(_ bytes: UnsafeRawBufferPointer, to given: String, mode defaultMode: mode_t = 0o644,
                             durable: Bool = true) throws {
        // Ctrl-C, SIGTERM or SIGHUP wait until the write is done: no temporary file is left behind.
        var hold = sigset_t(), previous = sigset_t()
        sigemptyset(&hold)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&hold, s) }
        sigprocmask(SIG_BLOCK, &hold, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        let path = resolved(given)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let base = url.lastPathComponent
        var st = stat()
        var existing: stat?
        var mode = defaultMode
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw WriteError(path: path, reason: "it is a folder") }
            if (st.st_mode & S_IFMT) != S_IFREG { throw WriteError(path: path, reason: "it is not a regular file") }
            // A file the user may not write is not replaced behind its back (a rename would): read-only for the
            // user, or for everyone (root included).
            if access(path, W_OK) != 0 || st.st_mode & 0o222 == 0 {
                throw WriteError(path: path, reason: "it is read-only (permission denied); nothing was changed")
            }
            existing = st
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0); umask(mask)
            mode = defaultMode & ~mask
        }
        removeStaleTemporaries(in: dir, of: base)
        // The writer's process id in the name: a file left by a killed writer is known to be stale.
        var template = Array("\(dir)/.\(base).tmp-\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        var off = 0
        while off < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + off, bytes.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                let e = String(cString: strerror(errno)); close(fd)
                throw WriteError(path: path, reason: e)
            }
            off += n
        }
        // The replacement keeps the file's owner (root writing another user's record).
        if let existing, geteuid() == 0, existing.st_uid != 0 || existing.st_gid != 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
        guard fchmod(fd, mode) == 0, !durable || fsync(fd) == 0 else {
            let e = String(cString: strerror(errno)); close(fd)
            throw WriteError(path: path, reason: e)
        }
        close(fd)
        guard rename(tmp, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        guard durable else { return }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Removes the temporary files of `base` (`.BASE.tmp-PID-XXXXXX`) whose writer is gone: a writer killed
    /// between creating its file and renaming it leaves one behind.
    static func removeStaleTemporaries(in dir: String, of base: String) {
        let prefix = ".\(base).tmp-"
        guard let d = opendir(dir.isEmpty ? "." : dir) else { return }
        defer { closedir(d) }
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((dir as NSString).appendingPathComponent(name)) }
        }
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        if bytes.isEmpty {
            try [UInt8(0)].withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<0]), to: path, mode: mode, durable: durable) }
            return
        }
        try bytes.withUnsafeBytes { try write($0, to: path, mode: mode, durable: durable) }
    }

    public static func write(_ s: String, to path: String, mode: mode_t = 0o644) throws {
        try write(Array(s.utf8), to: path, mode: mode)
    }
}

/// Standard output or a file, written durably.
public enum Output {
    public static func emit(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            try bytes.withUnsafeBytes { try writeAll(fd: 1, $0, name: "standard output") }
            return
        }
        // The process's own descriptors by name: write to them, never rename over the name.
        for (names, fd) in [(["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"], Int32(1)), (["/dev/stderr", "/proc/self/fd/2", "/dev/fd/2"], Int32(2))]
        where names.contains(path) {
            try bytes.withUnsafeBytes { try writeAll(fd: fd, $0, name: path) }
            return
        }
        // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written to, never replaced.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFCHR || (st.st_mode & S_IFMT) == S_IFIFO || (st.st_mode & S_IFMT) == S_IFSOCK {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            try bytes.withUnsafeBytes { try writeAll(fd: fd, $0, name: path) }
            return
        }
        try AtomicFile.write(bytes, to: path)
    }

    public static func writeAll(fd: Int32, _ buf: UnsafeRawBufferPointer, name: String) throws {
        var off = 0
        while off < buf.count {
            let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: name, reason: String(cString: strerror(errno)))
            }
            off += n
        }
    }
}
