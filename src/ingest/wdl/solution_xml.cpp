#include "ingest/wdl/solution_xml.h"

#include <cstdlib>

namespace fw::ingest::wdl {

namespace {

bool IsNameEnd(char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// One element found by tag name: its start tag (attributes) and content.
struct Element {
  bool found = false;
  std::string_view start_tag;  // between '<tag' and '>'
  std::string_view inner;
  size_t end = 0;  // offset just past the element
};

// The first <tag ...>...</tag> (or <tag/>) at or after `from`.
Element FindElement(std::string_view xml, std::string_view tag, size_t from) {
  Element e;
  size_t pos = from;
  while (true) {
    pos = xml.find('<', pos);
    if (pos == std::string_view::npos || pos + 1 + tag.size() > xml.size()) return e;
    if (xml.compare(pos + 1, tag.size(), tag) == 0 &&
        (pos + 1 + tag.size() == xml.size() || IsNameEnd(xml[pos + 1 + tag.size()]))) {
      break;
    }
    ++pos;
  }
  size_t attrs = pos + 1 + tag.size();
  size_t close = xml.find('>', attrs);
  if (close == std::string_view::npos) return e;
  e.found = true;
  bool self_closing = close > attrs && xml[close - 1] == '/';
  e.start_tag = xml.substr(attrs, close - attrs - (self_closing ? 1 : 0));
  if (self_closing) {
    e.end = close + 1;
    return e;
  }
  std::string end_tag = "</" + std::string(tag) + ">";
  size_t end = xml.find(end_tag, close + 1);
  if (end == std::string_view::npos) {
    e.inner = xml.substr(close + 1);
    e.end = xml.size();
    return e;
  }
  e.inner = xml.substr(close + 1, end - close - 1);
  e.end = end + end_tag.size();
  return e;
}

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [name, c] : kEntities) {
      if (s.compare(i, name.size(), name) == 0) {
        out.push_back(c);
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out.push_back('&');
  }
  // Element text is often padded with the document's indentation.
  size_t b = out.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = out.find_last_not_of(" \t\r\n");
  return out.substr(b, e - b + 1);
}

std::string Attribute(std::string_view start_tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = start_tag.find(name, pos)) != std::string_view::npos) {
    bool starts = pos > 0 && (start_tag[pos - 1] == ' ' || start_tag[pos - 1] == '\t' ||
                              start_tag[pos - 1] == '\n' || start_tag[pos - 1] == '\r');
    size_t eq = pos + name.size();
    if (starts && eq + 1 < start_tag.size() && start_tag[eq] == '=' &&
        (start_tag[eq + 1] == '"' || start_tag[eq + 1] == '\'')) {
      char q = start_tag[eq + 1];
      size_t end = start_tag.find(q, eq + 2);
      if (end == std::string_view::npos) return {};
      return Decode(start_tag.substr(eq + 2, end - eq - 2));
    }
    pos = eq;
  }
  return {};
}

std::string ChildText(std::string_view xml, std::string_view tag) {
  Element e = FindElement(xml, tag, 0);
  return e.found ? Decode(e.inner) : std::string();
}

std::string FirstLocalizedName(std::string_view xml) {
  Element names = FindElement(xml, "LocalizedNames", 0);
  if (!names.found) return {};
  Element first = FindElement(names.inner, "LocalizedName", 0);
  return first.found ? Attribute(first.start_tag, "description") : std::string();
}

}  // namespace

bool LooksLikeSolutionXml(std::string_view bytes) {
  return bytes.substr(0, 512).find("<ImportExportXml") != std::string_view::npos;
}

SolutionInfo ParseSolutionXml(std::string_view xml) {
  SolutionInfo info;
  Element manifest = FindElement(xml, "SolutionManifest", 0);
  if (!manifest.found) return info;
  info.present = true;
  // The solution's own fields come before <Publisher>, whose children reuse
  // the same tag names.
  Element publisher = FindElement(manifest.inner, "Publisher", 0);
  std::string_view own = manifest.inner;
  if (publisher.found) {
    own = manifest.inner.substr(0, manifest.inner.find("<Publisher"));
    info.publisher_unique_name = ChildText(publisher.inner, "UniqueName");
    info.publisher_name = FirstLocalizedName(publisher.inner);
  }
  info.unique_name = ChildText(own, "UniqueName");
  info.display_name = FirstLocalizedName(own);
  info.version = ChildText(own, "Version");
  info.managed = ChildText(own, "Managed") == "1";
  return info;
}

Customizations ParseCustomizationsXml(std::string_view xml) {
  Customizations c;
  if (!LooksLikeSolutionXml(xml)) return c;
  c.present = true;
  Element workflows = FindElement(xml, "Workflows", 0);
  for (size_t pos = 0; workflows.found;) {
    Element w = FindElement(workflows.inner, "Workflow", pos);
    if (!w.found) break;
    pos = w.end;
    SolutionWorkflow sw;
    sw.id = Attribute(w.start_tag, "WorkflowId");
    sw.name = Attribute(w.start_tag, "Name");
    sw.json_file = ChildText(w.inner, "JsonFileName");
    std::string state = ChildText(w.inner, "StateCode");
    if (!state.empty()) sw.state_code = std::atoi(state.c_str());
    Element desc = FindElement(w.inner, "Descriptions", 0);
    if (desc.found) {
      Element d = FindElement(desc.inner, "Description", 0);
      if (d.found) sw.description = Attribute(d.start_tag, "description");
    }
    c.workflows.push_back(std::move(sw));
  }
  Element refs = FindElement(xml, "connectionreferences", 0);
  for (size_t pos = 0; refs.found;) {
    Element r = FindElement(refs.inner, "connectionreference", pos);
    if (!r.found) break;
    pos = r.end;
    SolutionConnectionReference ref;
    ref.logical_name = Attribute(r.start_tag, "connectionreferencelogicalname");
    ref.display_name = ChildText(r.inner, "connectionreferencedisplayname");
    ref.connector_id = ChildText(r.inner, "connectorid");
    c.connection_references.push_back(std::move(ref));
  }
  return c;
}

}  // namespace fw::ingest::wdl
