#include "cli/threat_pipeline.h"

#include <span>

#include "analysis/check.h"
#include "analysis/inventory.h"

namespace fw::cli {

ThreatAnalysis AnalyseThreats(const core::FileSystem& fs, const std::vector<std::string>& paths,
                              const Companions& companions) {
  ThreatAnalysis out;
  threat::Builder builder;
  ImportAll(
      fs, paths, out.summary,
      [&](const InputFile&, const std::vector<model::Workflow>& workflows) {
        analysis::Reporter reporter(out.findings);
        for (const auto& wf : workflows) {
          const size_t first = out.findings.size();
          analysis::WorkflowView view(wf);
          for (const auto& check : analysis::AllChecks()) check.run(view, check.info, reporter);
          builder.Add(wf, analysis::SummariseWorkflow(wf),
                      std::span<const model::Finding>(out.findings).subspan(first));
        }
      },
      companions);
  out.model = builder.Finish();
  report::SortFindings(out.findings);
  return out;
}

}  // namespace fw::cli
