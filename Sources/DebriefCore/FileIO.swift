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
        var mode = defaultMode
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw WriteError(path: path, reason: "it is a folder") }
            if (st.st_mode & S_IFMT) != S_IFREG { throw WriteError(path: path, reason: "it is not a regular file") }
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0); umask(mask)
            mode = defaultMode & ~mask
        }
        var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
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
