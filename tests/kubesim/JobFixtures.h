//
// JobFixtures.h
//
// Test helpers for the Job and validation cases of the KubeSim suite: Job
// manifests, a temporary folder standing in for a job image
// (entrypoint.sh), a look at the host's processes, Job status summaries for
// assertions, and where the reference OpenAPI documents are.
//

#ifndef SBOMOP_KubeSimTest_JobFixtures_INCLUDED
#define SBOMOP_KubeSimTest_JobFixtures_INCLUDED

#include <Poco/JSON/Object.h>
#include <set>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class TemporaryFolder
	/// A fresh folder under the system temp folder, removed with its content
	/// when the object goes away.
{
public:
	TemporaryFolder();
	~TemporaryFolder();

	const std::string& path() const;

	std::string write(const std::string& name, const std::string& content, int mode = 0644) const;
		/// Writes a file into the folder; returns its path.

private:
	TemporaryFolder(const TemporaryFolder&) = delete;
	TemporaryFolder& operator = (const TemporaryFolder&) = delete;

	std::string _path;
};

struct JobManifest
	/// Builds a batch/v1 Job (restartPolicy Never, one container "job").
{
	std::string name;
	std::string image = "registry.example/sbom/job:1";
	std::string specFields;        ///< extra JobSpec members, e.g. `"backoffLimit":0`
	std::string podSpecFields;     ///< extra PodSpec members, e.g. `"volumes":[...]`
	std::string containerFields;   ///< extra Container members, e.g. `"env":[...]`

	explicit JobManifest(const std::string& name = "");

	std::string json() const;
};

bool bubblewrapAvailable();
	/// True when bwrap is on PATH.

bool processRunning(const std::string& argument);
	/// True when a process on the host has `argument` as one of its arguments.

std::set<std::string> volumeFolders();
	/// The names of kube-sim's volume folders in the system temp folder.

std::vector<std::string> conditionTypes(const Poco::JSON::Object::Ptr& job);
	/// status.conditions[].type in order.

Poco::JSON::Object::Ptr condition(const Poco::JSON::Object::Ptr& job, const std::string& type);
	/// The condition of that type, or null.

std::string statusSummary(const Poco::JSON::Object::Ptr& job);
	/// "active/ready/succeeded/failed/<condition types, comma separated>"
	/// with absent counters empty, e.g. "1/0///" or "/0/1//SuccessCriteriaMet".

std::string referenceOpenApiFolder();
	/// `$SBOMOP_SHARED_DIR/k8s/openapi/v1.28/v3` (SBOMOP_SHARED_DIR defaults to
	/// SBOMOP_SOURCE_DIR/../shared), or "" when that folder does not exist.

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSimTest_JobFixtures_INCLUDED
