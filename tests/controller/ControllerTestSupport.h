//
// ControllerTestSupport.h
//
// Test doubles and value builders shared by the controller tests: realistic
// pods, a recording backend, a recording pod patcher, a scripted secret
// reader, a recording log channel and helpers for metrics and pull secrets.
//

#ifndef SBOMOP_Tests_ControllerTestSupport_INCLUDED
#define SBOMOP_Tests_ControllerTestSupport_INCLUDED

#include "common/Base64Text.h"
#include "sbomop/controller/CycleRunner.h"
#include "sbomop/controller/PodAnnotator.h"
#include "sbomop/controller/PullCredentials.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/kube/PodInfo.h"
#include "sbomop/plugin/Backend.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Mutex.h>
#include <cppunit/TestAssert.h>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace controller {
namespace test {

std::string digestOf(const std::string& seed);
	/// A realistic `sha256:<64 hex>` digest derived from `seed` (its SHA-256).

extern const std::string NGINX_DIGEST;
extern const std::string REDIS_DIGEST;
extern const std::string BUSYBOX_DIGEST;
extern const std::string API_DIGEST;
extern const std::string PAUSE_DIGEST;

struct ContainerDef
	/// One container of a test pod: its spec image and its status.
{
	std::string name;
	std::string specImage;
	std::string imageID;
	kube::ContainerKind kind = kube::ContainerKind::Container;
	std::string statusImage;   ///< defaults to specImage
};

ContainerDef container(const std::string& name, const std::string& specImage, const std::string& imageID);
ContainerDef initContainer(const std::string& name, const std::string& specImage, const std::string& imageID);
ContainerDef ephemeralContainer(const std::string& name, const std::string& specImage, const std::string& imageID);

kube::PodInfo makePod(const std::string& ns, const std::string& name, const std::vector<ContainerDef>& containers,
	const std::vector<std::string>& pullSecrets = {});
	/// A running pod with a stable uid, an app label and the given containers.

kube::PodInfo annotated(kube::PodInfo pod, const std::string& containerName, const std::string& value);
	/// A copy of `pod` with the operator annotation of `containerName` set to `value`.

CycleRunner::PodSnapshot snapshot(const std::vector<kube::PodInfo>& pods);

class RecordingChannel: public Poco::Channel
	/// Keeps the text and priority of every message; thread-safe.
{
public:
	using Ptr = Poco::AutoPtr<RecordingChannel>;

	void log(const Poco::Message& msg) override;

	std::vector<std::string> texts() const;
	std::vector<std::string> texts(Poco::Message::Priority priority) const;
	std::string all() const;
		/// Every message text, one per line.
	bool contains(const std::string& fragment) const;

private:
	mutable Poco::FastMutex _mutex;
	std::vector<std::pair<Poco::Message::Priority, std::string>> _messages;
};

class CapturedLogger
	/// The logger handed to the code under test, with a fresh RecordingChannel
	/// attached for the lifetime of this object.
{
public:
	CapturedLogger();
	~CapturedLogger();

	Poco::Logger& logger() const;
	RecordingChannel& channel() const;

private:
	Poco::Logger& _logger;
	mutable RecordingChannel::Ptr _channel;
};

class RecordingBackend: public plugin::Backend
	/// Scripted results per image id (default: success), optional exception
	/// from process(), the batches received, and orphan support.
{
public:
	enum class Throw { NOTHING, POCO, STD };

	std::string name() const override;
	std::string description() const override;
	void validate(const Poco::Util::AbstractConfiguration& config) const override;
	void start(plugin::BackendContext& context) override;
	void stop() override;

	std::vector<plugin::ImageResult> process(const plugin::ImageBatch& batch, StopToken& cancel) override;
	bool supportsOrphans() const override;
	std::vector<plugin::StoredImage> storedImages() override;
	std::vector<plugin::ImageResult> removeImages(const std::vector<std::string>& imageIds) override;

	void fail(const std::string& imageId, const std::string& message);
		/// process() reports `imageId` as failed.
	void succeed(const std::string& imageId);
		/// process() reports `imageId` as succeeded again (after fail() or omit()).
	void omit(const std::string& imageId);
		/// process() returns no result for `imageId`.

	std::vector<plugin::ImageBatch> batches;
	Throw processThrows = Throw::NOTHING;

	bool orphans = false;
	std::vector<std::string> stored;
	Throw listThrows = Throw::NOTHING;
	std::set<std::string> removalFails;
	std::size_t listCalls = 0;
	std::vector<std::vector<std::string>> removals;

private:
	std::map<std::string, std::string> _failures;
	std::set<std::string> _omitted;
};

struct PatchCall
{
	std::string ns;
	std::string name;
	std::string body;
};

class RecordingPatcher
	/// The pod patch function: records every call; pods can be gone
	/// (NotFound) or fail (server error, or a std::exception).
{
public:
	PodAnnotator::Patch function();

	std::vector<PatchCall> calls;
	std::set<std::string> gone;      ///< "ns/name"
	std::set<std::string> failing;   ///< "ns/name", throws kube::ServerErrorException
	std::set<std::string> failingStd;///< "ns/name", throws std::runtime_error

	std::map<std::string, std::string> annotationsOf(const std::string& ns, const std::string& name) const;
		/// The annotations of the last patch sent for the pod (parsed from the body).
	const PatchCall* find(const std::string& ns, const std::string& name) const;
};

class ScriptedSecrets
	/// The secret read function: secrets by (ns, name), counted reads; a read
	/// of an unknown secret answers "not found"; names in `forbidden` and
	/// `failingStd` throw.
{
public:
	PullCredentials::Fetch function();

	void add(const std::string& ns, const std::string& name, const SecretData& secret);
	std::size_t reads(const std::string& ns, const std::string& name) const;
	std::size_t totalReads() const;

	std::set<std::pair<std::string, std::string>> forbidden;    ///< throw kube::ForbiddenException
	std::set<std::pair<std::string, std::string>> failingStd;   ///< throw std::runtime_error

private:
	std::map<std::pair<std::string, std::string>, SecretData> _secrets;
	std::map<std::pair<std::string, std::string>, std::size_t> _reads;
};

using testcommon::base64;

SecretData dockerConfigSecret(const std::vector<std::vector<std::string>>& entries);
	/// A `kubernetes.io/dockerconfigjson` secret; each entry is
	/// {registry key, username, password}.

SecretData rawDockerConfigSecret(const std::string& json);
	/// A `kubernetes.io/dockerconfigjson` secret with the given (decoded) content.

std::string metricLine(const http::MetricsRegistry& registry, const std::string& series);
	/// The value of the sample `series` (e.g. `sbomop_cycles_total{result="success"}`)
	/// in registry.render(), or "<absent>".

} } } // namespace sbomop::controller::test


namespace CppUnit {

template <typename T>
struct assertion_traits<std::vector<T>>
	/// Lets CPPUNIT_ASSERT_EQUAL compare and print lists.
{
	static bool equal(const std::vector<T>& x, const std::vector<T>& y)
	{
		return x == y;
	}

	static std::string toString(const std::vector<T>& x)
	{
		std::ostringstream text;
		text << "[";
		for (std::size_t i = 0; i < x.size(); ++i) text << (i ? ", " : "") << x[i];
		text << "]";
		return text.str();
	}
};

} // namespace CppUnit

#endif // SBOMOP_Tests_ControllerTestSupport_INCLUDED
