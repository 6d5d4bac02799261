#include "core/io/AtomicFile.h"

#include "core/io/InterruptCleanup.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <random>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spineviz {
namespace {

namespace fs = std::filesystem;

std::string reasonFromErrno() { return std::strerror(errno); }

const char* kindOf(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// Our own leftovers only: ".NAME.spineviz-PID-XXXXXX.tmp", a regular file of ours, whose PID is gone.
bool isStaleTempFile(const fs::path& folder, const std::string& entry, const std::string& prefix) {
    if (entry.rfind(prefix, 0) != 0 || entry.size() < prefix.size() + 4 || entry.compare(entry.size() - 4, 4, ".tmp") != 0)
        return false;
    char* end = nullptr;
    const long pid = std::strtol(entry.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || *end != '-' || pid == long(::getpid())) return false;
    if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) return false; // alive (or not ours to judge)
    struct stat st {};
    const std::string path = (folder / entry).string();
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
}

void sweepStaleTempFiles(const fs::path& folder, const std::string& fileName) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    const std::string prefix = tempFilePrefix(fileName);
    while (const dirent* e = ::readdir(dir))
        if (isStaleTempFile(folder, e->d_name, prefix)) ::unlink((folder / e->d_name).c_str());
    ::closedir(dir);
}

std::string randomTag() {
    static std::mt19937 generator{std::random_device{}()};
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string tag(6, 'a');
    for (char& c : tag) c = letters[generator() % (sizeof letters - 1)];
    return tag;
}

// Writes all of `bytes`; false with errno set on failure.
bool writeAll(int fd, const std::vector<std::uint8_t>& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

void syncFolder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

std::string tempFilePrefix(const std::string& fileName) { return "." + fileName + ".spineviz-"; }

std::string replaceProblem(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return ""; // absent: a new file
    if (!S_ISREG(st.st_mode)) return "cannot write " + path + ": it is " + kindOf(st.st_mode) + ", which is never replaced";
    // Root may write anything, so a file its owner made read-only is judged by its mode bits.
    const bool ownerReadOnly = st.st_uid == ::geteuid() && !(st.st_mode & S_IWUSR);
    if (ownerReadOnly || ::access(path.c_str(), W_OK) != 0) return "cannot write " + path + ": the file is read-only";
    return "";
}

std::string writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    const fs::path target(path);
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == "..") return "cannot write " + path + ": not a file name";
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (std::string problem = replaceProblem(path); !problem.empty()) return problem;
    struct stat existing {};
    const bool replacing = ::lstat(path.c_str(), &existing) == 0;
    sweepStaleTempFiles(folder, name);

    std::string temp;
    int fd = -1;
    std::optional<TempFileClaim> claim;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = (folder / (tempFilePrefix(name) + std::to_string(::getpid()) + "-" + randomTag() + ".tmp")).string();
        // Claimed before it exists, so no signal falls between the file and its claim (a name with
        // our PID in it that exists already is a leftover of ours, fine to remove).
        claim.emplace(temp);
        // 0666: the kernel applies the umask (and a folder's default ACL), as for any new file.
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) claim.reset();
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return "cannot create a file in " + folder.string() + ": " + reasonFromErrno();

    const auto fail = [&](bool isOpen, const std::string& reason) {
        if (isOpen) ::close(fd);
        ::unlink(temp.c_str());
        claim.reset();
        return "cannot write " + path + ": " + reason;
    };
    if (!writeAll(fd, bytes)) return fail(true, reasonFromErrno());
    if (replacing && ::fchmod(fd, existing.st_mode & 0777) != 0) return fail(true, reasonFromErrno()); // keep its permissions
    if (::fsync(fd) != 0) return fail(true, reasonFromErrno());
    if (::close(fd) != 0) return fail(false, reasonFromErrno());
    // Released only after the rename: a signal in between removes a name that is already gone.
    if (std::rename(temp.c_str(), path.c_str()) != 0) return fail(false, reasonFromErrno());
    claim.reset();
    syncFolder(folder);
    return "";
}

} // namespace spineviz
