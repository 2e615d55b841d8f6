//
// LeaderElectionConfigTest.cpp
//
// Validation of the election durations (messages naming the keys), reading
// the configuration (leader-elect auto/true/false), the identity, and the
// record's MicroTime format.
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/config/Settings.h"
#include "sbomop/election/LeaderElectionConfig.h"
#include "sbomop/election/LeaseRecord.h"
#include <Poco/DateTime.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <stdlib.h>

using sbomop::config::BuiltinKeys;
using sbomop::config::ConfigException;
using sbomop::election::LeaderElectionConfig;
using sbomop::election::LeaseRecord;

namespace {

LeaderElectionConfig durations(int leaseMs, int renewMs, int retryMs)
{
	LeaderElectionConfig config;
	config.identity = "me";
	config.leaseDuration = Poco::Timespan(0, leaseMs * 1000);
	config.renewDeadline = Poco::Timespan(0, renewMs * 1000);
	config.retryPeriod = Poco::Timespan(0, retryMs * 1000);
	return config;
}

std::string validationMessage(const LeaderElectionConfig& config)
{
	try
	{
		config.validate();
	}
	catch (ConfigException& exc)
	{
		return exc.message();
	}
	return "";
}

LeaderElectionConfig fromValues(const std::map<std::string, std::string>& values, bool inCluster)
{
	static const sbomop::config::ConfigSchema schema = BuiltinKeys::schema();
	Poco::AutoPtr<Poco::Util::MapConfiguration> map(new Poco::Util::MapConfiguration);
	for (const auto& entry: values) map->setString(entry.first, entry.second);
	sbomop::config::Settings settings(map, schema);
	return LeaderElectionConfig::fromSettings(settings, inCluster);
}

} // namespace

class LeaderElectionConfigTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LeaderElectionConfigTest);
	CPPUNIT_TEST(testAcceptsClientGoDefaults);
	CPPUNIT_TEST(testRejectsRenewDeadlineNotBelowLeaseDuration);
	CPPUNIT_TEST(testRejectsRetryPeriodWithoutRoomBelowRenewDeadline);
	CPPUNIT_TEST(testRoundsLeaseDurationUpToWholeSeconds);
	CPPUNIT_TEST(testAutoEnablesElectionOnlyInCluster);
	CPPUNIT_TEST(testReadsLeaseNameAndDurations);
	CPPUNIT_TEST(testBadDurationsInTheConfigurationAreStartupErrors);
	CPPUNIT_TEST(testIdentityIsThePodName);
	CPPUNIT_TEST(testIdentityWithoutPodNameIsHostnameWithUniqueSuffix);
	CPPUNIT_TEST(testMicroTimeHasSixFractionalDigitsInUtc);
	CPPUNIT_TEST(testRecordRoundTripsThroughTheLeaseSpec);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcceptsClientGoDefaults()
	{
		LeaderElectionConfig config;
		config.identity = "me";
		CPPUNIT_ASSERT_EQUAL(std::string(), validationMessage(config));
		CPPUNIT_ASSERT_EQUAL(15, config.leaseDurationSeconds());
		CPPUNIT_ASSERT_EQUAL(std::string(), validationMessage(durations(2000, 1500, 300)));
	}

	void testRejectsRenewDeadlineNotBelowLeaseDuration()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("leader-elect-renew-deadline (15 s) must be less than leader-elect-lease-duration (15 s): "
			"the leader must stop working before followers may take the lease over"), validationMessage(durations(15000, 15000, 2000)));
		CPPUNIT_ASSERT_THROW(durations(10000, 20000, 2000).validate(), ConfigException);
	}

	void testRejectsRetryPeriodWithoutRoomBelowRenewDeadline()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("leader-elect-retry-period (10 s) must be less than leader-elect-renew-deadline (10 s) "
			"divided by 1.2: the leader must be able to retry a failed renewal"), validationMessage(durations(15000, 10000, 10000)));
		// 1.2 x 5 s = 6 s: no room for a jittered retry within 6 s.
		CPPUNIT_ASSERT_THROW(durations(15000, 6000, 5000).validate(), ConfigException);
		CPPUNIT_ASSERT_THROW(durations(15000, 10000, 0).validate(), ConfigException);
		durations(15000, 7000, 5000).validate();
	}

	void testRoundsLeaseDurationUpToWholeSeconds()
	{
		CPPUNIT_ASSERT_EQUAL(2, durations(1500, 1000, 300).leaseDurationSeconds());
		CPPUNIT_ASSERT_EQUAL(1, durations(400, 300, 100).leaseDurationSeconds());
		CPPUNIT_ASSERT_EQUAL(3, durations(3000, 2000, 1000).leaseDurationSeconds());
	}

	void testAutoEnablesElectionOnlyInCluster()
	{
		CPPUNIT_ASSERT(fromValues({}, true).enabled);
		CPPUNIT_ASSERT(!fromValues({}, false).enabled);
		CPPUNIT_ASSERT(fromValues({ { BuiltinKeys::LEADER_ELECT, "true" } }, false).enabled);
		CPPUNIT_ASSERT(!fromValues({ { BuiltinKeys::LEADER_ELECT, "false" } }, true).enabled);
	}

	void testReadsLeaseNameAndDurations()
	{
		const LeaderElectionConfig config = fromValues({ { BuiltinKeys::LEADER_ELECT_LEASE_NAME, "my-lease" },
			{ BuiltinKeys::LEADER_ELECT_LEASE_DURATION, "30" }, { BuiltinKeys::LEADER_ELECT_RENEW_DEADLINE, "20" },
			{ BuiltinKeys::LEADER_ELECT_RETRY_PERIOD, "4" } }, true);
		CPPUNIT_ASSERT_EQUAL(std::string("my-lease"), config.leaseName);
		CPPUNIT_ASSERT_EQUAL(30, config.leaseDuration.totalSeconds());
		CPPUNIT_ASSERT_EQUAL(20, config.renewDeadline.totalSeconds());
		CPPUNIT_ASSERT_EQUAL(4, config.retryPeriod.totalSeconds());
		CPPUNIT_ASSERT(!config.identity.empty());

		const LeaderElectionConfig defaults = fromValues({}, true);
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator"), defaults.leaseName);
		CPPUNIT_ASSERT_EQUAL(15, defaults.leaseDuration.totalSeconds());
		CPPUNIT_ASSERT_EQUAL(10, defaults.renewDeadline.totalSeconds());
		CPPUNIT_ASSERT_EQUAL(2, defaults.retryPeriod.totalSeconds());
	}

	void testBadDurationsInTheConfigurationAreStartupErrors()
	{
		// Checked even with election off, so the mistake shows at once.
		CPPUNIT_ASSERT_THROW(fromValues({ { BuiltinKeys::LEADER_ELECT, "false" },
			{ BuiltinKeys::LEADER_ELECT_LEASE_DURATION, "5" } }, false), ConfigException);
		CPPUNIT_ASSERT_THROW(fromValues({ { BuiltinKeys::LEADER_ELECT_RETRY_PERIOD, "9" } }, true), ConfigException);
	}

	void testIdentityIsThePodName()
	{
		::setenv("POD_NAME", "sbom-operator-7d9f-x2k4q", 1);
		const std::string identity = LeaderElectionConfig::defaultIdentity();
		::unsetenv("POD_NAME");
		CPPUNIT_ASSERT_EQUAL(std::string("sbom-operator-7d9f-x2k4q"), identity);
	}

	void testIdentityWithoutPodNameIsHostnameWithUniqueSuffix()
	{
		::unsetenv("POD_NAME");
		const std::string first = LeaderElectionConfig::defaultIdentity();
		const std::string second = LeaderElectionConfig::defaultIdentity();
		const std::string prefix = Poco::Environment::nodeName() + "_";
		CPPUNIT_ASSERT_EQUAL(prefix, first.substr(0, prefix.size()));
		CPPUNIT_ASSERT(first.size() > prefix.size());
		CPPUNIT_ASSERT(first != second);
	}

	void testMicroTimeHasSixFractionalDigitsInUtc()
	{
		const Poco::DateTime time(2006, 1, 2, 15, 4, 5, 0, 7);
		CPPUNIT_ASSERT_EQUAL(std::string("2006-01-02T15:04:05.000007Z"), LeaseRecord::microTime(time.timestamp()));
		const Poco::DateTime other(2024, 12, 31, 23, 59, 59, 123, 456);
		CPPUNIT_ASSERT_EQUAL(std::string("2024-12-31T23:59:59.123456Z"), LeaseRecord::microTime(other.timestamp()));
	}

	void testRecordRoundTripsThroughTheLeaseSpec()
	{
		LeaseRecord record;
		record.holderIdentity = "a";
		record.leaseDurationSeconds = 15;
		record.acquireTime = "2024-01-01T00:00:00.000001Z";
		record.renewTime = "2024-01-01T00:00:10.500000Z";
		record.leaseTransitions = 3;
		CPPUNIT_ASSERT(record == LeaseRecord::fromSpec(record.toSpec()));

		LeaseRecord released;
		released.leaseDurationSeconds = 1;
		Poco::JSON::Object::Ptr spec = released.toSpec();
		CPPUNIT_ASSERT_EQUAL(std::string(""), spec->getValue<std::string>("holderIdentity"));
		CPPUNIT_ASSERT(!spec->has("acquireTime"));

		auto parsed = Poco::JSON::Parser().parse("{\"holderIdentity\":7}").extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("7"), LeaseRecord::fromSpec(parsed).holderIdentity);
		auto wrong = Poco::JSON::Parser().parse("{\"leaseDurationSeconds\":\"x\"}").extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_THROW(LeaseRecord::fromSpec(wrong), Poco::Exception);
		CPPUNIT_ASSERT(LeaseRecord() == LeaseRecord::fromSpec(nullptr));
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LeaderElectionConfigTest, "Election");
