// Data-flow diagrams as DOT, Mermaid and SVG. The DOT text is the single
// source of the picture: the SVG is Graphviz's layout of exactly that text,
// so the two never disagree.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "report/threat_report.h"
#include "report/threat_text.h"

namespace fw::report {

namespace tt = threat_text;

namespace {

struct KindStyle {
  const char* color;  // border of the cluster
  const char* fill;   // background of the cluster
};

KindStyle StyleOf(threat::BoundaryKind k) {
  switch (k) {
    case threat::BoundaryKind::kInternet:
      return {"#c0392b", "#fdf2f1"};
    case threat::BoundaryKind::kPlatformRuntime:
      return {"#2c6fbb", "#f1f6fc"};
    case threat::BoundaryKind::kExternalOrganisation:
      return {"#d35400", "#fef5ec"};
    case threat::BoundaryKind::kInternalDataStores:
      return {"#1e8449", "#eff8f2"};
    case threat::BoundaryKind::kInternalNetwork:
      return {"#6c7a89", "#f4f6f7"};
  }
  return {"#6c7a89", "#ffffff"};
}

std::string FlowLabel(const threat::Flow& f) {
  if (!f.label.empty()) return f.label;
  std::vector<std::string> parts = f.fields.empty() ? f.data_classes : f.fields;
  std::string label = tt::Join(parts);
  if (!f.protocol.empty() && f.protocol != "internal") {
    std::string proto = f.protocol;
    for (auto& c : proto) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    label = label.empty() ? proto : proto + ": " + label;
  }
  return label;
}

// Second stage for estates that are still too large with one node a
// workflow: one node per trust boundary ("n8n runtime: 2,060 elements"),
// flows between boundaries merged and counted. Graphviz lays this out in
// milliseconds, where thousands of workflow nodes take minutes.
threat::DataFlowDiagram CollapseToBoundaries(const threat::DataFlowDiagram& d) {
  threat::DataFlowDiagram out;
  out.key = d.key;
  out.name = d.name + " (collapsed: one node a trust boundary)";
  out.file = d.file;
  out.platform = d.platform;
  std::unordered_map<std::string, std::string> node_of;  // element id -> boundary node id
  std::map<std::string, size_t> counts;
  for (const auto& e : d.elements) {
    std::string b = e.boundary.empty() ? "unassigned" : e.boundary;
    node_of.emplace(e.id, "B:" + b);
    ++counts[b];
  }
  std::set<std::string> known;
  for (const auto& b : d.boundaries) {
    auto it = counts.find(b.id);
    if (it == counts.end()) continue;
    known.insert(b.id);
    threat::Element e;
    e.id = "B:" + b.id;
    e.name = b.name + "\n" + std::to_string(it->second) + " element(s)";
    e.kind = b.kind == threat::BoundaryKind::kPlatformRuntime ? threat::ElementKind::kProcess
             : b.kind == threat::BoundaryKind::kInternalDataStores
                 ? threat::ElementKind::kDataStore
                 : threat::ElementKind::kExternalEntity;
    out.elements.push_back(std::move(e));
  }
  for (const auto& [b, n] : counts) {
    if (known.count(b)) continue;
    threat::Element e;
    e.id = "B:" + b;
    e.name = b + "\n" + std::to_string(n) + " element(s)";
    out.elements.push_back(std::move(e));
  }
  std::map<std::pair<std::string, std::string>, std::pair<size_t, std::set<std::string>>> merged;
  for (const auto& f : d.flows) {
    auto from = node_of.find(f.from);
    auto to = node_of.find(f.to);
    if (from == node_of.end() || to == node_of.end() || from->second == to->second) continue;
    auto& m = merged[{from->second, to->second}];
    ++m.first;
    m.second.insert(f.data_classes.begin(), f.data_classes.end());
  }
  for (const auto& [ends, m] : merged) {
    threat::Flow f;
    f.id = "f:" + ends.first + "->" + ends.second;
    f.from = ends.first;
    f.to = ends.second;
    f.data_classes.assign(m.second.begin(), m.second.end());
    f.crosses_boundary = true;
    f.label = std::to_string(m.first) + " flow(s)";
    if (!f.data_classes.empty()) f.label += ": " + tt::Join(f.data_classes);
    out.flows.push_back(std::move(f));
  }
  return out;
}

// The diagram to draw: the original, or its collapsed form when too large.
const threat::DataFlowDiagram& Drawable(const threat::DataFlowDiagram& d,
                                        threat::DataFlowDiagram& storage) {
  if (d.elements.size() + d.flows.size() <= kMaxDiagramElements) return d;
  storage = CollapseDiagram(d);
  if (storage.elements.size() + storage.flows.size() > kMaxDiagramElements) {
    storage = CollapseToBoundaries(d);
  }
  return storage;
}

// Elements grouped by boundary in the boundary order of the diagram; the
// elements whose boundary is unknown come last under "".
std::vector<std::pair<const threat::Boundary*, std::vector<const threat::Element*>>> Grouped(
    const threat::DataFlowDiagram& d) {
  std::vector<std::pair<const threat::Boundary*, std::vector<const threat::Element*>>> groups;
  std::unordered_map<std::string, size_t> index;
  for (const auto& b : d.boundaries) {
    index.emplace(b.id, groups.size());
    groups.push_back({&b, {}});
  }
  std::vector<const threat::Element*> loose;
  for (const auto& e : d.elements) {
    auto it = index.find(e.boundary);
    if (it == index.end()) {
      loose.push_back(&e);
    } else {
      groups[it->second].second.push_back(&e);
    }
  }
  groups.push_back({nullptr, std::move(loose)});
  return groups;
}

}  // namespace

threat::DataFlowDiagram CollapseDiagram(const threat::DataFlowDiagram& d) {
  threat::DataFlowDiagram out;
  out.key = d.key;
  out.name = d.name + " (collapsed: one node a workflow)";
  out.file = d.file;
  out.platform = d.platform;
  out.boundaries = d.boundaries;
  std::unordered_map<std::string, std::string> mapped;  // element id -> drawn id
  std::set<std::string> workflow_nodes;
  std::string runtime_boundary;
  for (const auto& b : d.boundaries) {
    if (b.kind == threat::BoundaryKind::kPlatformRuntime && runtime_boundary.empty()) {
      runtime_boundary = b.id;
    }
  }
  for (const auto& e : d.elements) {
    if (e.workflow.empty()) {
      mapped.emplace(e.id, e.id);
      out.elements.push_back(e);
      continue;
    }
    std::string id = "w:" + e.workflow;
    mapped.emplace(e.id, id);
    if (workflow_nodes.insert(id).second) {
      threat::Element w;
      w.id = id;
      w.kind = threat::ElementKind::kProcess;
      w.name = e.workflow;
      w.workflow = e.workflow;
      w.boundary = runtime_boundary.empty() ? e.boundary : runtime_boundary;
      out.elements.push_back(std::move(w));
    }
  }
  std::map<std::pair<std::string, std::string>, size_t> flow_index;
  for (const auto& f : d.flows) {
    auto from = mapped.find(f.from);
    auto to = mapped.find(f.to);
    if (from == mapped.end() || to == mapped.end() || from->second == to->second) continue;
    auto key = std::make_pair(from->second, to->second);
    auto it = flow_index.find(key);
    if (it == flow_index.end()) {
      threat::Flow merged;
      merged.id = "f:" + from->second + "->" + to->second;
      merged.from = from->second;
      merged.to = to->second;
      merged.protocol = f.protocol;
      merged.crosses_boundary = f.crosses_boundary;
      merged.data_classes = f.data_classes;
      flow_index.emplace(key, out.flows.size());
      out.flows.push_back(std::move(merged));
      continue;
    }
    threat::Flow& merged = out.flows[it->second];
    merged.crosses_boundary = merged.crosses_boundary || f.crosses_boundary;
    for (const auto& c : f.data_classes) {
      if (std::find(merged.data_classes.begin(), merged.data_classes.end(), c) ==
          merged.data_classes.end()) {
        merged.data_classes.push_back(c);
      }
    }
  }
  for (auto& f : out.flows) std::sort(f.data_classes.begin(), f.data_classes.end());
  return out;
}

std::string RenderDfdDot(const threat::DataFlowDiagram& diagram) {
  threat::DataFlowDiagram storage;
  const threat::DataFlowDiagram& d = Drawable(diagram, storage);
  std::string out = "digraph " + tt::DotQuoted(d.key.empty() ? "dfd" : d.key) + " {\n";
  // newrank: Graphviz 2.42's default ranking frees a rank array twice for
  // labelled flat edges between clusters (seen under valgrind); the newer
  // ranking avoids that code path and lays out clusters as well.
  out +=
      "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=11, labelloc=t, label=" +
      tt::DotQuoted(d.name) + "];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  std::set<std::string> known;
  auto element_line = [&](const threat::Element& e, const char* indent) {
    known.insert(e.id);
    std::string attrs;
    switch (e.kind) {
      case threat::ElementKind::kExternalEntity:
        attrs = "shape=box";
        break;
      case threat::ElementKind::kProcess:
        attrs = "shape=box, style=\"rounded,filled\"";
        break;
      case threat::ElementKind::kDataStore:
        attrs = "shape=cylinder";
        break;
    }
    return std::string(indent) + tt::DotQuoted(e.id) + " [label=" + tt::DotQuoted(e.name) + ", " +
           attrs + "];\n";
  };
  size_t cluster = 0;
  for (const auto& [boundary, elements] : Grouped(d)) {
    if (boundary == nullptr) {
      for (const auto* e : elements) out += element_line(*e, "  ");
      continue;
    }
    if (elements.empty()) continue;
    KindStyle style = StyleOf(boundary->kind);
    out += "  subgraph \"cluster_" + std::to_string(cluster++) + "\" {\n";
    out += "    label=" + tt::DotQuoted(boundary->name) + "; style=\"dashed,filled\"; color=\"" +
           style.color + "\"; fillcolor=\"" + style.fill + "\";\n";
    for (const auto* e : elements) out += element_line(*e, "    ");
    out += "  }\n";
  }
  for (const auto& f : d.flows) {
    // A flow to an element the diagram does not hold would make Graphviz
    // invent an unlabelled node; such flows are left out.
    if (!known.count(f.from) || !known.count(f.to)) continue;
    out += "  " + tt::DotQuoted(f.from) + " -> " + tt::DotQuoted(f.to);
    std::string label = FlowLabel(f);
    std::vector<std::string> attrs;
    if (!label.empty()) attrs.push_back("label=" + tt::DotQuoted(label));
    if (f.crosses_boundary) {
      attrs.push_back("color=\"#c0392b\", fontcolor=\"#c0392b\", style=dashed, penwidth=2");
    }
    if (!attrs.empty()) out += " [" + tt::Join(attrs) + "]";
    out += ";\n";
  }
  out += "}\n";
  return out;
}

std::string RenderDfdMermaid(const threat::DataFlowDiagram& diagram) {
  threat::DataFlowDiagram storage;
  const threat::DataFlowDiagram& d = Drawable(diagram, storage);
  // Mermaid ids must be plain words: elements become n0, n1, ... in order.
  std::unordered_map<std::string, std::string> ids;
  for (const auto& e : d.elements) ids.emplace(e.id, "n" + std::to_string(ids.size()));
  std::string out = "flowchart LR\n";
  auto node = [&](const threat::Element& e, const char* indent) {
    std::string label = tt::MermaidLabel(e.name);
    std::string shape;
    switch (e.kind) {
      case threat::ElementKind::kExternalEntity:
        shape = "[" + label + "]";
        break;
      case threat::ElementKind::kProcess:
        shape = "(" + label + ")";
        break;
      case threat::ElementKind::kDataStore:
        shape = "[(" + label + ")]";
        break;
    }
    return std::string(indent) + ids.at(e.id) + shape + "\n";
  };
  size_t sub = 0;
  for (const auto& [boundary, elements] : Grouped(d)) {
    if (boundary == nullptr) {
      for (const auto* e : elements) out += node(*e, "  ");
      continue;
    }
    if (elements.empty()) continue;
    out += "  subgraph b" + std::to_string(sub++) + "[" + tt::MermaidLabel(boundary->name) + "]\n";
    for (const auto* e : elements) out += node(*e, "    ");
    out += "  end\n";
  }
  std::vector<size_t> crossing;
  size_t link = 0;
  for (const auto& f : d.flows) {
    auto from = ids.find(f.from);
    auto to = ids.find(f.to);
    if (from == ids.end() || to == ids.end()) continue;
    std::string label = FlowLabel(f);
    out += "  " + from->second + (f.crosses_boundary ? " -.->" : " -->");
    if (!label.empty()) out += "|" + tt::MermaidLabel(label) + "|";
    out += " " + to->second + "\n";
    if (f.crosses_boundary) crossing.push_back(link);
    ++link;
  }
  if (!crossing.empty()) {
    std::string list;
    for (size_t i = 0; i < crossing.size(); ++i) {
      list += (i ? "," : "") + std::to_string(crossing[i]);
    }
    out += "  linkStyle " + list + " stroke:#c0392b,stroke-width:2px,color:#c0392b\n";
  }
  return out;
}

namespace {

// Graphviz keeps global state (error handler, plugin registry): one render
// at a time.
std::mutex& GraphvizMutex() {
  static std::mutex m;
  return m;
}

std::string* g_graphviz_errors = nullptr;  // guarded by GraphvizMutex()

int CollectGraphvizError(char* message) {
  if (g_graphviz_errors != nullptr && message != nullptr) *g_graphviz_errors += message;
  return 0;
}

}  // namespace

}  // namespace fw::report

// Graphviz 2.42's dot layout (virtual edges of clusters), its pango plugin
// and fontconfig leak on every layout; nothing of ours is allocated there.
// LeakSanitizer (the dev preset) would fail every test that draws an SVG, so
// these libraries' allocations are suppressed. Matched by library, because
// LSan's fast unwinder stops inside libraries built without frame pointers
// and never reaches our frames. The hook is only read under LSan; this
// object is linked into every program that lays out a diagram.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libcdt.so\n"
         "leak:libgvplugin_\n"
         "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libharfbuzz.so\n";
}

namespace fw::report {

core::Result<std::string> RenderDfdSvg(const threat::DataFlowDiagram& diagram) {
  std::string dot = RenderDfdDot(diagram);
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  std::string errors;
  g_graphviz_errors = &errors;
  agusererrf previous = agseterrf(CollectGraphvizError);
  auto finish = [&](core::Result<std::string> r) {
    agseterrf(previous);
    g_graphviz_errors = nullptr;
    return r;
  };
  // One context for the whole process, never freed: Graphviz 2.42's pango
  // plugin keeps font strings owned by the first context, so freeing it and
  // creating another reads freed memory. gvContext() loads the plugins
  // Debian registered (config6); without the dot layout plugin gvLayout
  // fails and we say so instead of crashing.
  static GVC_t* gvc = gvContext();
  if (gvc == nullptr) {
    return finish(core::Status::InvalidInput(diagram.key, "Graphviz: cannot create a context"));
  }
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) {
    return finish(core::Status::InvalidInput(
        diagram.key, "Graphviz could not read the diagram: " + tt::CleanUtf8(errors)));
  }
  if (gvLayout(gvc, g, "dot") != 0) {
    agclose(g);
    return finish(core::Status::InvalidInput(
        diagram.key,
        "Graphviz layout failed (is the dot plugin installed?): " + tt::CleanUtf8(errors)));
  }
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, "svg", &data, &length);
  std::string svg;
  if (rc == 0 && data != nullptr) svg.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  if (rc != 0 || svg.empty()) {
    return finish(core::Status::InvalidInput(
        diagram.key, "Graphviz could not render SVG: " + tt::CleanUtf8(errors)));
  }
  return finish(std::move(svg));
}

}  // namespace fw::report
