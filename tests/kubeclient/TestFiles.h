//
// TestFiles.h
//
// Test helpers of the KubeClient suite: temporary directories, a test PKI
// generated with the openssl CLI, a manual clock and a log capture.
//

#ifndef SBOMOP_Tests_KubeClient_TestFiles_INCLUDED
#define SBOMOP_Tests_KubeClient_TestFiles_INCLUDED

#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeClientClock.h"
#include "sbomop/kube/KubeClientSettings.h"
#include <Poco/JSON/Object.h>
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <mutex>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {
namespace test {

class TempDir
	/// A fresh directory below the system temp directory, removed with its
	/// content on destruction.
{
public:
	TempDir();
	~TempDir();
	std::string path(const std::string& name = "") const;
	std::string write(const std::string& name, const std::string& content) const;
		/// Writes (or replaces) a file, returns its absolute path.
	static std::string read(const std::string& file);

private:
	std::string _path;
};

class TestPki
	/// A throw-away PKI generated once per test run with the openssl CLI:
	/// a CA, a second unrelated CA, a server certificate for 127.0.0.1 and
	/// localhost, a server certificate for the name "kube.test" only, and a
	/// client certificate with CN "test-user" (all ECDSA P-256).
{
public:
	static const TestPki& instance();
	std::string file(const std::string& name) const;
		/// ca.crt, ca.key, other-ca.crt, server.crt, server.key,
		/// named-server.crt, named-server.key, client.crt, client.key
	std::string pem(const std::string& name) const;

private:
	TestPki();
	void openssl(const std::vector<std::string>& args) const;

	TempDir _dir;
};

class ManualClock: public KubeClientClock
	/// Time moves only when a test advances it or something sleeps; sleeps
	/// are recorded and return at once.
{
public:
	using Ptr = std::shared_ptr<ManualClock>;
	Poco::Timespan::TimeDiff now() override;
	void sleep(const Poco::Timespan& duration) override;
	void advance(const Poco::Timespan& duration);
	std::vector<Poco::Timespan::TimeDiff> sleeps() const;
		/// Recorded sleeps, in microseconds.

private:
	mutable std::mutex _mutex;
	Poco::Timespan::TimeDiff _now = 1000000;
	std::vector<Poco::Timespan::TimeDiff> _sleeps;
};

class LogCapture: public Poco::Channel
	/// Collects the messages of the logger "sbomop.kube.client" while it
	/// exists (all levels), then restores the logger's channel and level.
{
public:
	using Ptr = Poco::AutoPtr<LogCapture>;
	static Ptr attach();
	void detach();
	void log(const Poco::Message& message) override;
	std::vector<Poco::Message> messages() const;
	bool contains(Poco::Message::Priority priority, const std::string& text) const;
	bool anyContains(const std::string& text) const;

private:
	LogCapture();
	mutable std::mutex _mutex;
	std::vector<Poco::Message> _messages;
	Poco::Channel::Ptr _previousChannel;
	int _previousLevel = 0;
	bool _attached = false;
};

std::string statusJson(int code, const std::string& reason, const std::string& message, const std::string& details = "{}");
	/// A Failure Status object as the API server sends it.

Poco::JSON::Object::Ptr parseJson(const std::string& json);

ClusterConnection connectionTo(const std::string& url);
	/// Plain connection with the bearer token "t0k3n-value" and namespace "x".

KubeClientSettings clientSettings(const std::shared_ptr<ManualClock>& clock, int maxAttempts = 5);
	/// Settings with a manual clock and the jitter source fixed at 0.5.

} } } // namespace sbomop::kube::test

#endif // SBOMOP_Tests_KubeClient_TestFiles_INCLUDED
