//
// LeaseRecord.cpp
//

#include "sbomop/election/LeaseRecord.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/DateTimeFormatter.h>

namespace sbomop {
namespace election {

namespace {

template <typename T>
T field(const Poco::JSON::Object::Ptr& spec, const std::string& name, const T& fallback)
{
	if (!spec->has(name) || spec->isNull(name)) return fallback;
	try
	{
		return spec->getValue<T>(name);
	}
	catch (Poco::Exception& exc)
	{
		throw kube::MalformedResponseException("Lease spec." + name + " has the wrong type", exc.message());
	}
}

} // namespace

LeaseRecord LeaseRecord::fromSpec(const Poco::JSON::Object::Ptr& spec)
{
	LeaseRecord record;
	if (!spec) return record;
	record.holderIdentity = field<std::string>(spec, "holderIdentity", "");
	record.leaseDurationSeconds = field<int>(spec, "leaseDurationSeconds", 0);
	record.acquireTime = field<std::string>(spec, "acquireTime", "");
	record.renewTime = field<std::string>(spec, "renewTime", "");
	record.leaseTransitions = field<int>(spec, "leaseTransitions", 0);
	return record;
}

Poco::JSON::Object::Ptr LeaseRecord::toSpec() const
{
	Poco::JSON::Object::Ptr spec = new Poco::JSON::Object;
	spec->set("holderIdentity", holderIdentity);
	spec->set("leaseDurationSeconds", leaseDurationSeconds);
	if (!acquireTime.empty()) spec->set("acquireTime", acquireTime);
	if (!renewTime.empty()) spec->set("renewTime", renewTime);
	spec->set("leaseTransitions", leaseTransitions);
	return spec;
}

bool LeaseRecord::operator == (const LeaseRecord& other) const
{
	return holderIdentity == other.holderIdentity
		&& leaseDurationSeconds == other.leaseDurationSeconds
		&& acquireTime == other.acquireTime
		&& renewTime == other.renewTime
		&& leaseTransitions == other.leaseTransitions;
}

bool LeaseRecord::operator != (const LeaseRecord& other) const
{
	return !(*this == other);
}

std::string LeaseRecord::microTime(const Poco::Timestamp& time)
{
	return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%S.%FZ");
}

} } // namespace sbomop::election
