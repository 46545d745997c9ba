#include "draft_merge.h"

#include "json_reader.h"

#include <algorithm>

namespace iiifc {

namespace {
constexpr const char* kStamps = "stamps";
}  // namespace

StampedDraft parse_stamped_draft(const std::string& text) {
    StampedDraft d;
    const nlohmann::json doc = parse_json(text, false);
    if (!doc.is_object()) return d;
    d.header = nlohmann::json::object();
    for (const auto& member : doc.items()) {
        if (member.key() == kStamps) {
            if (!member.value().is_object()) continue;
            // Only well-formed stamps count; anything else is as if never stamped.
            for (const auto& s : member.value().items()) {
                const nlohmann::json& v = s.value();
                if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_string())
                    d.stamps[s.key()] = EditStamp{v[0].get<std::int64_t>(), v[1].get<std::string>()};
            }
        } else if (member.value().is_object()) {
            for (const auto& f : member.value().items()) d.fields[member.key() + "." + f.key()] = f.value();
        } else {
            d.header[member.key()] = member.value();
        }
    }
    // A stamp for a field the draft does not have says nothing.
    for (auto it = d.stamps.begin(); it != d.stamps.end();) it = d.fields.count(it->first) ? std::next(it) : d.stamps.erase(it);
    return d;
}

std::string stamped_draft_to_json(const StampedDraft& d) {
    nlohmann::json doc = d.header.is_object() ? d.header : nlohmann::json::object();
    for (const auto& f : d.fields) {
        const std::size_t dot = f.first.find('.');
        nlohmann::json& group = doc[f.first.substr(0, dot)];
        if (!group.is_null() && !group.is_object()) continue;  // another draft's "version": {...} is no field of ours
        group[f.first.substr(dot + 1)] = f.second;
    }
    nlohmann::json stamps = nlohmann::json::object();
    for (const auto& s : d.stamps) stamps[s.first] = nlohmann::json::array({s.second.ms, s.second.tab});
    doc[kStamps] = stamps;
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> stamp_changes(StampedDraft& before, const std::string& now_json, const EditStamp& stamp) {
    StampedDraft now = parse_stamped_draft(now_json);
    std::vector<std::string> stamped;
    for (const auto& f : now.fields) {
        const auto old = before.fields.find(f.first);
        if (old != before.fields.end() && old->second == f.second) {
            const auto s = before.stamps.find(f.first);
            if (s != before.stamps.end()) now.stamps[f.first] = s->second;
        } else {
            now.stamps[f.first] = stamp;
            stamped.push_back(f.first);
        }
    }
    before = std::move(now);
    return stamped;
}

DraftMerge merge_drafts(const StampedDraft& local, const StampedDraft& incoming, const std::set<std::string>& keep_local) {
    DraftMerge m;
    m.merged = local;
    for (const auto& f : incoming.fields) {
        if (keep_local.count(f.first)) continue;
        const auto in_stamp = incoming.stamps.find(f.first);
        const EditStamp theirs = in_stamp == incoming.stamps.end() ? EditStamp{} : in_stamp->second;
        const auto mine = local.fields.find(f.first);
        if (mine != local.fields.end()) {
            const auto my_stamp = local.stamps.find(f.first);
            const EditStamp ours = my_stamp == local.stamps.end() ? EditStamp{} : my_stamp->second;
            if (!(ours < theirs)) continue;
        }
        m.merged.fields[f.first] = f.second;
        if (in_stamp != incoming.stamps.end()) m.merged.stamps[f.first] = theirs;
        if (mine == local.fields.end() || mine->second != f.second) m.changed.push_back(f.first);
    }
    if (m.merged.header.is_null() || m.merged.header.empty()) m.merged.header = incoming.header;
    std::sort(m.changed.begin(), m.changed.end());
    return m;
}

}  // namespace iiifc
