//
// JobApi.h
//
// The Kubernetes calls the jobimage backend makes on its own objects (scan
// Jobs and their job-config Secrets) in the operator's namespace.
//

#ifndef SBOMOP_JobImage_JobApi_INCLUDED
#define SBOMOP_JobImage_JobApi_INCLUDED

#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

namespace Poco { class Logger; }

namespace sbomop {

namespace kube { class KubeClient; }

namespace jobimage {

class JobApi
	/// Thin, typed layer over KubeClient for one namespace. Thread-safe like
	/// the client; the client and the logger must outlive it.
{
public:
	JobApi(kube::KubeClient& client, const std::string& ns, Poco::Logger& logger);

	const std::string& ns() const;

	kube::KubeClient& client() const;

	Poco::JSON::Object::Ptr createSecret(const Poco::JSON::Object::Ptr& secret);
	Poco::JSON::Object::Ptr createJob(const Poco::JSON::Object::Ptr& job);
		/// POST; return the created object. Throw the client's exceptions.

	void setSecretOwner(const std::string& secretName, const std::string& jobName, const std::string& jobUid);
		/// Merge-patches the Secret's ownerReferences to the Job (see
		/// SecretSpecBuilder::ownerPatch()). Throws the client's exceptions.

	std::vector<std::string> coveredImages(const std::string& secretName);
		/// The image ids listed in a job-config Secret's image-config.json.
		/// Throws the client's exceptions (NotFoundException when the Secret
		/// is gone), Poco::NotFoundException or Poco::DataFormatException for
		/// unusable content.

	std::vector<Poco::JSON::Object::Ptr> listJobs();
	std::vector<Poco::JSON::Object::Ptr> listSecrets();
		/// The scan Jobs / job-config Secrets that any sbom-operator created
		/// in the namespace (selected by JobNaming::selector()). Throw the
		/// client's exceptions.

	bool deleteJob(const std::string& name);
	bool deleteSecret(const std::string& name);
		/// DELETE with propagationPolicy Background (a Job's pods go too).
		/// Return true when deleted, false when already gone or when the
		/// request failed (logged as a warning: cleanup never throws; the
		/// next scan for leftovers tries again).

private:
	std::vector<Poco::JSON::Object::Ptr> list(bool jobs);
	bool remove(bool job, const std::string& name);

	kube::KubeClient& _client;
	std::string _ns;
	Poco::Logger& _logger;
};

} } // namespace sbomop::jobimage

#endif // SBOMOP_JobImage_JobApi_INCLUDED
