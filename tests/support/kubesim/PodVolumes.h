//
// PodVolumes.h
//
// The volumes one container mounts, made real on the host for its sandbox:
// each Secret and ConfigMap volume as files in a private temporary folder
// (decoded data, `items` and `defaultMode`/`mode` honoured), emptyDir as a
// tmpfs. What was written is removed again when the object goes away.
//

#ifndef SBOMOP_KubeSim_PodVolumes_INCLUDED
#define SBOMOP_KubeSim_PodVolumes_INCLUDED

#include "kubesim/ObjectStore.h"
#include "kubesim/PodRunner.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace kubesim {

class PodVolumes
	/// Not copyable; used by the thread that runs the container.
{
public:
	static const int DEFAULT_MODE = 0400;
		///< file mode when neither `mode` nor `defaultMode` is given

	PodVolumes(const ObjectStore& store, const std::string& ns, const Poco::JSON::Object::Ptr& podSpec, const Poco::JSON::Object::Ptr& container);
		/// Materialises every volume the container mounts (folders mode 0700
		/// under the system temp folder). Throws ContainerStartException for
		/// an unsupported volume type, a mount of an undeclared volume, a
		/// missing Secret, ConfigMap or key that is not optional, a bad path.

	~PodVolumes();
		/// Removes the folders and files it created.

	const std::vector<Mount>& mounts() const;
		/// The container's mounts, in volumeMounts order.

	static const std::string FOLDER_PREFIX;
		///< name prefix of the temporary folders ("kube-sim-volume-")

private:
	PodVolumes(const PodVolumes&) = delete;
	PodVolumes& operator = (const PodVolumes&) = delete;

	std::string materialise(const Poco::JSON::Object::Ptr& volume);
	void removeFolders();
	std::string writeFiles(const std::string& volume, const std::map<std::string, std::string>& data, const Poco::JSON::Object::Ptr& source);

	const ObjectStore& _store;
	std::string _ns;
	std::vector<std::string> _folders;
	std::vector<Mount> _mounts;
};

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSim_PodVolumes_INCLUDED
