//
// LeaseLock.cpp
//

#include "sbomop/election/LeaseLock.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/Exception.h>

namespace sbomop {
namespace election {

namespace {

const std::string FIELD_MANAGER = "sbom-operator";

kube::WriteOptions writeOptions()
{
	kube::WriteOptions options;
	options.fieldManager = FIELD_MANAGER;
	return options;
}

Poco::JSON::Object::Ptr copyOf(const Poco::JSON::Object::Ptr& object)
{
	return new Poco::JSON::Object(*object);
}

} // namespace

LeaseLock::LeaseLock(kube::KubeClient::Ptr client, const std::string& ns, const std::string& name):
	_client(std::move(client)),
	_namespace(ns),
	_name(name)
{
}

std::optional<LeaseRecord> LeaseLock::get()
{
	Poco::JSON::Object::Ptr lease;
	try
	{
		lease = _client->get(kube::ResourceType::LEASES, _namespace, _name);
	}
	catch (kube::NotFoundException&)
	{
		return std::nullopt;
	}
	const LeaseRecord record = LeaseRecord::fromSpec(lease->getObject("spec"));
	remember(lease);
	return record;
}

void LeaseLock::create(const LeaseRecord& record)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("name", _name);
	metadata->set("namespace", _namespace);
	Poco::JSON::Object::Ptr lease = new Poco::JSON::Object;
	lease->set("apiVersion", kube::ResourceType::LEASES.apiVersion());
	lease->set("kind", kube::ResourceType::LEASES.kind());
	lease->set("metadata", metadata);
	lease->set("spec", record.toSpec());
	remember(_client->create(kube::ResourceType::LEASES, _namespace, lease, writeOptions()));
}

void LeaseLock::update(const LeaseRecord& record)
{
	if (!_lease) throw Poco::IllegalStateException("lease " + describe() + " must be read or created before an update");
	// The copy keeps the remembered object intact when the update fails.
	Poco::JSON::Object::Ptr lease = copyOf(_lease);
	Poco::JSON::Object::Ptr metadata = copyOf(_lease->getObject("metadata"));
	metadata->set("resourceVersion", _resourceVersion);
	lease->set("metadata", metadata);
	lease->set("spec", record.toSpec());
	remember(_client->update(kube::ResourceType::LEASES, _namespace, _name, lease, writeOptions()));
}

std::string LeaseLock::describe() const
{
	return _namespace + "/" + _name;
}

const std::string& LeaseLock::resourceVersion() const
{
	return _resourceVersion;
}

void LeaseLock::remember(const Poco::JSON::Object::Ptr& lease)
{
	Poco::JSON::Object::Ptr metadata = lease ? lease->getObject("metadata") : nullptr;
	if (!metadata || !metadata->has("resourceVersion"))
	{
		throw kube::MalformedResponseException("lease " + describe() + " has no metadata.resourceVersion");
	}
	_lease = lease;
	_resourceVersion = metadata->getValue<std::string>("resourceVersion");
}

} } // namespace sbomop::election
