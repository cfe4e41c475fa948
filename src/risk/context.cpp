// Context: the per-workflow facts risk factors are read from. Built once per
// workflow; every finding of that workflow then costs a hash lookup.
#include <algorithm>
#include <deque>

#include "analysis/check.h"
#include "core/text.h"
#include "core/url.h"
#include "risk/risk.h"

namespace fw::risk {

namespace {

int ExposureRank(model::Exposure e) {
  switch (e) {
    case model::Exposure::kNone:
      return 0;
    case model::Exposure::kInternal:
      return 1;
    case model::Exposure::kThirdParty:
      return 2;
    case model::Exposure::kInternet:
      return 3;
  }
  return 0;
}

// Worse authentication first: nobody asked, then not recorded, then a method.
int AuthRank(std::string_view auth) { return auth == "none" ? 2 : auth.empty() ? 1 : 0; }

Reach HostReach(std::string_view host) {
  if (core::ClassifyHost(host) != core::HostScope::kPublic) return Reach::kInternalHost;
  Reach r = ReachOfConnector(host);
  return r == Reach::kNone ? Reach::kPublicApi : r;
}

}  // namespace

Context::Context(const model::Workflow& wf, const analysis::WorkflowSummary& summary) {
  const size_t n = wf.nodes.size();
  nodes_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& node = wf.nodes[i];
    auto& facts = nodes_[i];
    facts.disabled = node.disabled;
    facts.code = node.role == model::NodeRole::kCode;
    facts.reach = std::max(ReachOfConnector(node.connector), ReachOfConnector(node.type));
    if (!node.name.empty()) by_name_.emplace(node.name, i);
    if (!node.id.empty()) by_id_.emplace(node.id, i);
    // Pinned items are records the export itself carries.
    if (core::ValueRef pinned = wf.pin_data[node.name]; pinned.is_array()) {
      facts.records = pinned.size();
    }
  }
  for (const auto& h : wf.hosts) {
    if (h.node >= n) continue;
    auto& facts = nodes_[h.node];
    facts.reach = std::max(facts.reach, HostReach(h.host));
    // A generic HTTP step is named by the host it calls.
    if (facts.service.empty() &&
        ReachOfConnector(wf.nodes[h.node].connector) <= Reach::kPublicApi) {
      facts.service = h.host;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (nodes_[i].service.empty()) nodes_[i].service = wf.nodes[i].connector;
  }
  for (const auto& f : nodes_) {
    workflow_.reach = std::max(workflow_.reach, f.reach);
    workflow_.records += f.records;
    workflow_.code = workflow_.code || f.code;
  }

  // From each enabled entry point, follow data flow: every node it reaches
  // takes the strongest exposure (and, at equal exposure, the weakest
  // authentication); the entry point learns what it reaches.
  analysis::WorkflowView view(wf);
  std::vector<char> seen(n);
  std::vector<model::Exposure> reached_by(n, model::Exposure::kNone);
  std::vector<std::string> reached_auth(n);
  for (size_t e = 0; e < n; ++e) {
    const auto& entry = wf.nodes[e];
    if (entry.role != model::NodeRole::kEntryPoint) continue;
    auto& ef = nodes_[e];
    ef.exposure = entry.exposure;
    ef.auth = entry.auth;
    if (entry.disabled) continue;
    if (ExposureRank(entry.exposure) > ExposureRank(workflow_.exposure) ||
        (entry.exposure == workflow_.exposure && AuthRank(entry.auth) > AuthRank(workflow_.auth))) {
      workflow_.exposure = entry.exposure;
      workflow_.auth = entry.auth;
    }
    std::fill(seen.begin(), seen.end(), 0);
    std::deque<size_t> queue{e};
    seen[e] = 1;
    while (!queue.empty()) {
      size_t u = queue.front();
      queue.pop_front();
      if (u != e) {
        ef.code = ef.code || nodes_[u].code;
        ef.reach = std::max(ef.reach, nodes_[u].reach);
        int have = ExposureRank(reached_by[u]);
        int now = ExposureRank(entry.exposure);
        if (now > have || (now == have && AuthRank(entry.auth) > AuthRank(reached_auth[u]))) {
          reached_by[u] = entry.exposure;
          reached_auth[u] = entry.auth;
        }
      }
      for (uint32_t v : view.next[u]) {
        if (seen[v] || wf.nodes[v].disabled) continue;
        seen[v] = 1;
        queue.push_back(v);
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (wf.nodes[i].role == model::NodeRole::kEntryPoint) continue;
    nodes_[i].exposure = reached_by[i];
    nodes_[i].auth = reached_auth[i];
  }

  // Only a workflow the export records as running raises likelihood; an
  // export that says nothing is not evidence that it is switched off.
  if (wf.active) active_ = true;
  for (const auto& field : summary.data_fields) {
    if (!detect::IsProtectedDataClass(field.sensitivity) &&
        field.sensitivity != detect::DataClass::kCredential) {
      continue;
    }
    if (std::find(data_.begin(), data_.end(), field.sensitivity) == data_.end()) {
      data_.push_back(field.sensitivity);
    }
    std::string topic(detect::ClassifyField(field.name).topic);
    if (!topic.empty() && std::find(topics_.begin(), topics_.end(), topic) == topics_.end()) {
      topics_.push_back(std::move(topic));
    }
  }
  // Services by reach, strongest first, for the sentence.
  std::vector<std::pair<Reach, std::string>> services;
  for (const auto& c : summary.connectors) {
    Reach r = ReachOfConnector(c);
    if (r <= Reach::kPublicApi) continue;
    services.emplace_back(r, c);
  }
  std::stable_sort(services.begin(), services.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& s : services) services_.push_back(std::move(s.second));
  platform_ = std::string(model::PlatformName(wf.platform));
}

Factors Context::For(std::string_view category, std::string_view node_id,
                     std::string_view node_name) const {
  const NodeFacts* node = nullptr;
  if (!node_id.empty()) {
    auto it = by_id_.find(std::string(node_id));
    if (it != by_id_.end()) node = &nodes_[it->second];
  }
  if (node == nullptr && !node_name.empty()) {
    auto it = by_name_.find(std::string(node_name));
    if (it != by_name_.end()) node = &nodes_[it->second];
  }
  Factors f;
  f.category = std::string(category);
  const NodeFacts& at = node != nullptr ? *node : workflow_;
  f.exposure = at.exposure;
  f.auth = at.auth;
  f.disabled = node != nullptr && node->disabled;
  f.active = active_;
  f.data = data_;
  f.data_topics = topics_;
  f.services = services_;
  f.platform = platform_;
  f.records = at.records;
  // Whoever controls the workflow's code or input can use every connector
  // and credential it holds; other problems stay with their own step.
  bool whole_workflow = category == "code-execution" || category == "injection" ||
                        category == "filesystem-access" || category == "excessive-permission" ||
                        category == "misconfiguration" || node == nullptr;
  f.reach = whole_workflow ? workflow_.reach : at.reach;
  if (!whole_workflow && !at.service.empty()) f.services = {at.service};
  if (f.reach == Reach::kNone) f.reach = workflow_.reach;
  f.code_execution =
      category == "code-execution" || (category == "unauthenticated-entry-point" && at.code &&
                                       at.exposure != model::Exposure::kInternal);
  return f;
}

Context BuildContext(const model::Workflow& wf, const analysis::WorkflowSummary& summary) {
  return Context(wf, summary);
}

}  // namespace fw::risk
