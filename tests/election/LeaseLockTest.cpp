//
// LeaseLockTest.cpp
//
// The Lease read/create/update primitives: optimistic concurrency on
// resourceVersion against kube-sim.
//

#include "ElectionFixture.h"
#include "sbomop/election/LeaseLock.h"
#include "sbomop/kube/KubeException.h"
#include <cppunit/extensions/HelperMacros.h>

using sbomop::election::LeaseLock;
using sbomop::election::LeaseRecord;
using sbomop::election::test::ElectionFixture;

namespace {

LeaseRecord held(const std::string& holder, int transitions)
{
	return ElectionFixture::leaseRecord(holder, 15, "2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:05.250000Z", transitions);
}

} // namespace

class LeaseLockTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LeaseLockTest);
	CPPUNIT_TEST(testGetOfAMissingLeaseGivesNothing);
	CPPUNIT_TEST(testCreateStoresTheRecord);
	CPPUNIT_TEST(testSecondCreateLosesWithAlreadyExists);
	CPPUNIT_TEST(testUpdateWithStaleResourceVersionConflicts);
	CPPUNIT_TEST(testUpdateBeforeReadIsRejected);
	CPPUNIT_TEST_SUITE_END();

public:
	void testGetOfAMissingLeaseGivesNothing()
	{
		ElectionFixture f;
		LeaseLock lock(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		CPPUNIT_ASSERT(!lock.get());
		CPPUNIT_ASSERT_EQUAL(std::string(""), lock.resourceVersion());
	}

	void testCreateStoresTheRecord()
	{
		ElectionFixture f;
		LeaseLock lock(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		lock.create(held("a", 0));
		CPPUNIT_ASSERT(held("a", 0) == f.record());
		CPPUNIT_ASSERT_EQUAL(f.lease()->getObject("metadata")->getValue<std::string>("resourceVersion"), lock.resourceVersion());
		CPPUNIT_ASSERT_EQUAL(std::string("default/sbom-operator"), lock.describe());
		auto read = lock.get();
		CPPUNIT_ASSERT(read && *read == held("a", 0));
	}

	void testSecondCreateLosesWithAlreadyExists()
	{
		ElectionFixture f;
		LeaseLock first(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		LeaseLock second(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		first.create(held("a", 0));
		CPPUNIT_ASSERT_THROW(second.create(held("b", 0)), sbomop::kube::AlreadyExistsException);
		CPPUNIT_ASSERT_EQUAL(std::string("a"), f.record().holderIdentity);
	}

	void testUpdateWithStaleResourceVersionConflicts()
	{
		ElectionFixture f;
		f.seedLease(held("ghost", 4));
		LeaseLock a(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		LeaseLock b(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		CPPUNIT_ASSERT(a.get());
		CPPUNIT_ASSERT(b.get());
		const std::string before = a.resourceVersion();
		a.update(held("a", 5));
		CPPUNIT_ASSERT(before != a.resourceVersion());
		CPPUNIT_ASSERT_THROW(b.update(held("b", 5)), sbomop::kube::ConflictException);
		CPPUNIT_ASSERT(held("a", 5) == f.record());
		// After a fresh read the update goes through.
		CPPUNIT_ASSERT(b.get());
		b.update(held("b", 6));
		CPPUNIT_ASSERT(held("b", 6) == f.record());
	}

	void testUpdateBeforeReadIsRejected()
	{
		ElectionFixture f;
		LeaseLock lock(f.plainClient(), ElectionFixture::NAMESPACE, ElectionFixture::LEASE);
		CPPUNIT_ASSERT_THROW(lock.update(held("a", 0)), Poco::IllegalStateException);
	}
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LeaseLockTest, "Election");
