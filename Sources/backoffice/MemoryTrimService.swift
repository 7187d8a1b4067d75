#if canImport(Glibc)
import Glibc
#endif
import ServiceLifecycle

/// Gives the memory a load freed back to the system: glibc keeps freed memory in each
/// thread's arena for reuse, so after a burst of connections the resident size would stay at
/// its peak. Every `interval` glibc's `malloc_trim` returns the free pages of every arena;
/// ends with the server's graceful shutdown.
struct MemoryTrimService: Service {
    var interval: Duration = .seconds(10)

    /// `malloc_trim(size_t pad)`, looked up at run time: `malloc.h` is not part of Swift's Glibc module.
    private static func lookUpTrim() -> (@convention(c) (Int) -> Int32)? {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }

    func run() async throws {
        let trim = Self.lookUpTrim()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                _ = trim?(0)
            }
        }
    }
}
