#include "Simplify.h"

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace spine_model {

double triangleQuality(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) {
    const double area2 = glm::length(glm::cross(b - a, c - a)); // twice the area
    const double edges = glm::dot(b - a, b - a) + glm::dot(c - b, c - b) + glm::dot(a - c, a - c);
    return edges > 0.0 ? 2.0 * std::sqrt(3.0) * area2 / edges : 0.0;
}

namespace {

using Tri = std::array<std::uint32_t, 3>;

// Symmetric 4x4 quadric (10 coefficients) plus the area it was built from.
struct Quadric {
    double a2 = 0, ab = 0, ac = 0, ad = 0, b2 = 0, bc = 0, bd = 0, c2 = 0, cd = 0, d2 = 0, area = 0;

    static Quadric plane(const glm::dvec3& n, double d, double weight) {
        Quadric q;
        q.a2 = weight * n.x * n.x; q.ab = weight * n.x * n.y; q.ac = weight * n.x * n.z; q.ad = weight * n.x * d;
        q.b2 = weight * n.y * n.y; q.bc = weight * n.y * n.z; q.bd = weight * n.y * d;
        q.c2 = weight * n.z * n.z; q.cd = weight * n.z * d; q.d2 = weight * d * d; q.area = weight;
        return q;
    }
    Quadric& operator+=(const Quadric& o) {
        a2 += o.a2; ab += o.ab; ac += o.ac; ad += o.ad; b2 += o.b2; bc += o.bc; bd += o.bd;
        c2 += o.c2; cd += o.cd; d2 += o.d2; area += o.area;
        return *this;
    }
    // Mean squared distance to the planes, weighted by area.
    double error(const glm::dvec3& p) const {
        const double e = a2 * p.x * p.x + 2 * ab * p.x * p.y + 2 * ac * p.x * p.z + 2 * ad * p.x + b2 * p.y * p.y +
                         2 * bc * p.y * p.z + 2 * bd * p.y + c2 * p.z * p.z + 2 * cd * p.z + d2;
        return std::max(e, 0.0) / std::max(area, 1e-30);
    }
    // The minimiser, when the system is well conditioned.
    bool minimiser(glm::dvec3& out) const {
        const glm::dmat3 m(a2, ab, ac, ab, b2, bc, ac, bc, c2);
        const double det = glm::determinant(m);
        const double scale = (a2 + b2 + c2) * (a2 + b2 + c2) * (a2 + b2 + c2);
        if (std::abs(det) < 1e-9 * scale) return false;
        out = glm::inverse(m) * glm::dvec3(-ad, -bd, -cd);
        return true;
    }
};

struct Candidate {
    std::uint32_t a, b;
    std::uint32_t versionA, versionB;
};

// A bucketed priority queue of collapse candidates: costs within the error limit are binned by their
// square root (the RMS error) into fine buckets, each a queue. Much cheaper than a binary heap over
// millions of mostly stale entries, and candidates over the limit are never stored at all. The order
// is by bucket, then first in first out: deterministic.
class CandidateQueue {
public:
    explicit CandidateQueue(double limit) : limit_(limit), buckets_(kBuckets) {}

    void push(double cost, const Candidate& c) {
        if (!(cost <= limit_)) return;
        const double x = limit_ > 0.0 ? std::sqrt(cost / limit_) : 0.0;
        const std::size_t b = std::min<std::size_t>(kBuckets - 1, static_cast<std::size_t>(x * static_cast<double>(kBuckets)));
        buckets_[b].items.push_back(c);
        lowest_ = std::min(lowest_, b);
    }

    bool pop(Candidate& out) {
        for (; lowest_ < kBuckets; ++lowest_) {
            Bucket& b = buckets_[lowest_];
            if (b.head < b.items.size()) {
                out = b.items[b.head++];
                if (b.head == b.items.size()) b.items.clear(), b.head = 0;
                return true;
            }
        }
        return false;
    }

private:
    struct Bucket {
        std::vector<Candidate> items;
        std::size_t head = 0; // first unread: each bucket is a queue
    };
    static constexpr std::size_t kBuckets = 1024;
    double limit_;
    std::vector<Bucket> buckets_;
    std::size_t lowest_ = kBuckets;
};

class Simplifier {
public:
    Simplifier(spineviz::MeshData& mesh, const SimplifyOptions& options)
        : mesh_(mesh), options_(options), queue_(options.maxError * options.maxError) {
        positions_.assign(mesh.positions.begin(), mesh.positions.end());
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
            tris_.push_back({mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
        alive_.assign(tris_.size(), true);
        aliveCount_ = tris_.size();
        incident_.resize(positions_.size());
        for (std::uint32_t t = 0; t < tris_.size(); ++t)
            for (std::uint32_t v : tris_[t]) incident_[v].push_back(t);
        version_.assign(positions_.size(), 0);
        buildQuadrics();
    }

    void flipOnly() {
        for (int pass = 0; pass < 6; ++pass)
            if (flipPass() == 0) break;
        writeBack();
    }

    void run() {
        for (std::uint32_t t = 0; t < tris_.size(); ++t)
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t a = tris_[t][k], b = tris_[t][(k + 1) % 3];
                if (a < b) push(a, b);
            }
        Candidate c;
        while (queue_.pop(c)) {
            if (options_.targetTriangles && aliveCount_ <= options_.targetTriangles) break;
            if (c.versionA != version_[c.a] || c.versionB != version_[c.b]) continue;
            glm::dvec3 target;
            if (!bestPosition(c.a, c.b, target) || !collapseAllowed(c.a, c.b, target)) continue;
            collapse(c.a, c.b, target);
        }
        for (int pass = 0; pass < 4; ++pass)
            if (needlePass() + flipPass() == 0) break;
        writeBack();
    }

private:
    // Collapses the shortest edge of each needle (a triangle with one very short edge) when that
    // improves the worst triangle around it and the error stays within twice the bound.
    std::size_t needlePass() {
        std::size_t collapsed = 0;
        const double limit = 4.0 * options_.maxError * options_.maxError;
        for (std::uint32_t t = 0; t < tris_.size(); ++t) {
            if (!alive_[t]) continue;
            const Tri tri = tris_[t];
            const glm::dvec3 p[3] = {positions_[tri[0]], positions_[tri[1]], positions_[tri[2]]};
            if (triangleQuality(p[0], p[1], p[2]) > 0.3) continue;
            int shortest = 0;
            double best = 1e300;
            for (int k = 0; k < 3; ++k) {
                const double l = glm::distance(p[k], p[(k + 1) % 3]);
                if (l < best) best = l, shortest = k;
            }
            const std::uint32_t a = std::min(tri[shortest], tri[(shortest + 1) % 3]), b = std::max(tri[shortest], tri[(shortest + 1) % 3]);
            glm::dvec3 target;
            bestPosition(a, b, target);
            Quadric q = quadrics_[a];
            q += quadrics_[b];
            if (q.error(target) > limit || !collapseAllowed(a, b, target, true)) continue;
            collapse(a, b, target);
            ++collapsed;
        }
        return collapsed;
    }

    void buildQuadrics() {
        quadrics_.assign(positions_.size(), Quadric{});
        for (const Tri& t : tris_) {
            const glm::dvec3 &p0 = positions_[t[0]], &p1 = positions_[t[1]], &p2 = positions_[t[2]];
            glm::dvec3 n = glm::cross(p1 - p0, p2 - p0);
            const double len = glm::length(n);
            if (len <= 0.0) continue;
            n /= len;
            const Quadric q = Quadric::plane(n, -glm::dot(n, p0), 0.5 * len);
            for (std::uint32_t v : t) quadrics_[v] += q;
        }
    }

    void push(std::uint32_t a, std::uint32_t b) {
        if (a > b) std::swap(a, b);
        Quadric q = quadrics_[a];
        q += quadrics_[b];
        glm::dvec3 p;
        const double cost = bestPosition(a, b, p) ? q.error(p) : 1e30;
        queue_.push(cost, {a, b, version_[a], version_[b]});
    }

    bool bestPosition(std::uint32_t a, std::uint32_t b, glm::dvec3& out) const {
        Quadric q = quadrics_[a];
        q += quadrics_[b];
        const glm::dvec3 pa = positions_[a], pb = positions_[b], mid = 0.5 * (pa + pb);
        glm::dvec3 best = mid;
        double bestError = q.error(mid);
        for (const glm::dvec3& p : {pa, pb}) {
            const double e = q.error(p);
            if (e < bestError) bestError = e, best = p;
        }
        glm::dvec3 optimal;
        if (q.minimiser(optimal) && glm::distance(optimal, mid) < glm::distance(pa, pb)) {
            if (q.error(optimal) <= bestError) best = optimal;
        }
        out = best;
        return true;
    }

    // The vertices sharing a triangle with v, each once, in order of first appearance, into `n`
    // (reused to avoid allocations; valences are small, so a linear membership test is cheapest).
    void neighbours(std::uint32_t v, std::vector<std::uint32_t>& n) const {
        n.clear();
        for (std::uint32_t t : incident_[v])
            for (std::uint32_t w : tris_[t])
                if (w != v && std::find(n.begin(), n.end(), w) == n.end()) n.push_back(w);
    }

    static bool contains(const std::vector<std::uint32_t>& list, std::uint32_t v) { return std::find(list.begin(), list.end(), v) != list.end(); }

    // Link condition, no folds, and no new triangle worse than the floor (or than what was there).
    bool collapseAllowed(std::uint32_t a, std::uint32_t b, const glm::dvec3& target, bool mustImprove = false) const {
        std::vector<std::uint32_t>& na = scratchA_;
        std::vector<std::uint32_t>& nb = scratchB_;
        neighbours(a, na);
        neighbours(b, nb);
        if (na.size() < 4 || nb.size() < 4) return false;
        std::size_t common = 0;
        for (std::uint32_t v : na) common += contains(nb, v) ? 1 : 0;
        if (common != 2) return false;

        // Slivers have unreliable normals, so they are checked against the patch's mean normal instead.
        glm::dvec3 region(0.0);
        for (std::uint32_t v : {a, b})
            for (std::uint32_t t : incident_[v]) {
                const Tri& tri = tris_[t];
                region += glm::cross(positions_[tri[1]] - positions_[tri[0]], positions_[tri[2]] - positions_[tri[0]]);
            }
        const double regionLength = glm::length(region);

        double oldWorst = 1.0, newWorst = 1.0;
        for (std::uint32_t v : {a, b})
            for (std::uint32_t t : incident_[v]) {
                const Tri& tri = tris_[t];
                const glm::dvec3 p0 = positions_[tri[0]], p1 = positions_[tri[1]], p2 = positions_[tri[2]];
                const double oldQuality = triangleQuality(p0, p1, p2);
                oldWorst = std::min(oldWorst, oldQuality);
                const bool hasA = tri[0] == a || tri[1] == a || tri[2] == a;
                const bool hasB = tri[0] == b || tri[1] == b || tri[2] == b;
                if (hasA && hasB) continue;
                glm::dvec3 q[3] = {p0, p1, p2};
                for (int k = 0; k < 3; ++k)
                    if (tri[k] == v) q[k] = target;
                const glm::dvec3 before = glm::cross(p1 - p0, p2 - p0), after = glm::cross(q[1] - q[0], q[2] - q[0]);
                const double la = glm::length(after);
                if (la <= 1e-12) return false;
                const glm::dvec3 reference = oldQuality > 0.1 ? before : region;
                const double lr = oldQuality > 0.1 ? glm::length(before) : regionLength;
                if (glm::dot(reference, after) < 0.3 * lr * la) return false;
                newWorst = std::min(newWorst, triangleQuality(q[0], q[1], q[2]));
            }
        if (mustImprove) return newWorst > oldWorst;
        // Slightly worse than a sliver that was there is allowed: collapsing needles is how they go away.
        return newWorst >= std::min(options_.minQuality, 0.75 * oldWorst);
    }

    void collapse(std::uint32_t a, std::uint32_t b, const glm::dvec3& target) {
        for (std::uint32_t t : incident_[b]) {
            Tri& tri = tris_[t];
            const bool hasA = tri[0] == a || tri[1] == a || tri[2] == a;
            if (hasA) {
                alive_[t] = false;
                --aliveCount_;
                for (std::uint32_t v : tri)
                    if (v != a && v != b) eraseIncident(v, t);
                eraseIncident(a, t);
            } else {
                for (std::uint32_t& v : tri)
                    if (v == b) v = a;
                incident_[a].push_back(t);
            }
        }
        incident_[b].clear();
        std::sort(incident_[a].begin(), incident_[a].end());
        positions_[a] = target;
        quadrics_[a] += quadrics_[b];
        ++version_[a];
        ++version_[b];
        neighbours(a, scratchA_);
        for (std::uint32_t n : scratchA_) push(a, n);
    }

    void eraseIncident(std::uint32_t v, std::uint32_t t) {
        auto& list = incident_[v];
        list.erase(std::remove(list.begin(), list.end(), t), list.end());
    }

    // One sweep of quality-improving flips over nearly flat edges; returns how many were flipped.
    std::size_t flipPass() {
        std::size_t flips = 0;
        for (std::uint32_t t = 0; t < tris_.size(); ++t) {
            if (!alive_[t]) continue;
            for (int k = 0; k < 3; ++k)
                if (tryFlip(t, k)) {
                    ++flips;
                    break;
                }
        }
        return flips;
    }

    bool tryFlip(std::uint32_t t, int k) {
        const std::uint32_t a = tris_[t][k], b = tris_[t][(k + 1) % 3], c = tris_[t][(k + 2) % 3];
        std::uint32_t other = UINT32_MAX, d = UINT32_MAX;
        for (std::uint32_t u : incident_[a]) {
            if (u == t) continue;
            const Tri& tri = tris_[u];
            for (int j = 0; j < 3; ++j)
                if (tri[j] == b && tri[(j + 1) % 3] == a) other = u, d = tri[(j + 2) % 3];
        }
        if (other == UINT32_MAX || c == d) return false;
        neighbours(c, scratchA_);
        if (contains(scratchA_, d)) return false; // the flipped edge exists already
        const glm::dvec3 pa = positions_[a], pb = positions_[b], pc = positions_[c], pd = positions_[d];
        const glm::dvec3 n1 = glm::normalize(glm::cross(pb - pa, pc - pa)), n2 = glm::normalize(glm::cross(pa - pb, pd - pb));
        if (options_.surfaceDistance) {
            // Knowing the true surface, allow flips on curved patches if the new edge stays as close to it.
            if (glm::dot(n1, n2) < 0.7) return false;
            const float oldGap = std::abs(options_.surfaceDistance(glm::vec3(0.5 * (pa + pb))));
            const float newGap = std::abs(options_.surfaceDistance(glm::vec3(0.5 * (pc + pd))));
            if (newGap > std::max(oldGap, static_cast<float>(0.5 * options_.maxError))) return false;
        } else if (glm::dot(n1, n2) < 0.985) {
            return false; // only where the surface is nearly flat (< ~10 deg)
        }
        const glm::dvec3 m1 = glm::cross(pd - pc, pb - pc), m2 = glm::cross(pc - pd, pa - pd);
        if (glm::dot(m1, n1) <= 0.0 || glm::dot(m2, n1) <= 0.0) return false;
        const double before = std::min(triangleQuality(pa, pb, pc), triangleQuality(pb, pa, pd));
        const double after = std::min(triangleQuality(pc, pd, pb), triangleQuality(pd, pc, pa));
        if (after <= before * 1.05) return false;
        // (a,b,c),(b,a,d) -> (c,d,b),(d,c,a)
        tris_[t] = {c, d, b};
        tris_[other] = {d, c, a};
        eraseIncident(a, t);
        eraseIncident(b, other);
        incident_[d].push_back(t);
        incident_[c].push_back(other);
        std::sort(incident_[d].begin(), incident_[d].end());
        std::sort(incident_[c].begin(), incident_[c].end());
        return true;
    }

    // Compacts live triangles and the vertices they use, in order of first use.
    void writeBack() {
        std::vector<std::uint32_t> remap(positions_.size(), UINT32_MAX);
        spineviz::MeshData out;
        for (std::uint32_t t = 0; t < tris_.size(); ++t) {
            if (!alive_[t]) continue;
            for (std::uint32_t v : tris_[t]) {
                if (remap[v] == UINT32_MAX) {
                    remap[v] = static_cast<std::uint32_t>(out.positions.size());
                    out.positions.push_back(glm::vec3(positions_[v]));
                }
                out.indices.push_back(remap[v]);
            }
        }
        mesh_ = std::move(out);
    }

    spineviz::MeshData& mesh_;
    SimplifyOptions options_;
    std::vector<glm::dvec3> positions_;
    std::vector<Tri> tris_;
    std::vector<bool> alive_;
    std::size_t aliveCount_ = 0;
    std::vector<std::vector<std::uint32_t>> incident_;
    std::vector<std::uint32_t> version_;
    std::vector<Quadric> quadrics_;
    mutable std::vector<std::uint32_t> scratchA_, scratchB_;
    CandidateQueue queue_;
};

} // namespace

void simplifyMesh(spineviz::MeshData& mesh, const SimplifyOptions& options) { Simplifier(mesh, options).run(); }

void flipForQuality(spineviz::MeshData& mesh, const SimplifyOptions& options) { Simplifier(mesh, options).flipOnly(); }

} // namespace spine_model
