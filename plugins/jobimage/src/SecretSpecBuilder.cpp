//
// SecretSpecBuilder.cpp
//

#include "sbomop/jobimage/SecretSpecBuilder.h"
#include "sbomop/jobimage/JobNaming.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/StreamCopier.h>
#include <sstream>

namespace sbomop {
namespace jobimage {

namespace
{
	std::string base64(const std::string& data)
	{
		std::ostringstream out;
		// Line length 0: the API wants one unbroken string.
		Poco::Base64Encoder encoder(out);
		encoder.rdbuf()->setLineLength(0);
		encoder << data;
		encoder.close();
		return out.str();
	}
}


Poco::JSON::Object::Ptr SecretSpecBuilder::build(const std::string& ns, const std::string& cycleId, const std::string& imageConfig,
	const JobEnvironment& environment)
{
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	metadata->set("name", JobNaming::secretName(cycleId));
	metadata->set("namespace", ns);
	metadata->set("labels", JobNaming::labels(JobNaming::CONFIG_COMPONENT, cycleId));
	if (environment.hasOwnerPod())
	{
		Poco::JSON::Array::Ptr owners = new Poco::JSON::Array;
		owners->add(environment.ownerPodReference());
		metadata->set("ownerReferences", owners);
	}

	Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
	data->set(JobNaming::CONFIG_KEY, base64(imageConfig));

	Poco::JSON::Object::Ptr secret = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	secret->set("apiVersion", "v1");
	secret->set("kind", "Secret");
	secret->set("metadata", metadata);
	secret->set("type", "Opaque");
	secret->set("immutable", true);
	secret->set("data", data);
	return secret;
}


std::string SecretSpecBuilder::ownerPatch(const std::string& jobName, const std::string& jobUid)
{
	Poco::JSON::Object::Ptr owner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	owner->set("apiVersion", "batch/v1");
	owner->set("kind", "Job");
	owner->set("name", jobName);
	owner->set("uid", jobUid);
	owner->set("controller", false);
	Poco::JSON::Array::Ptr owners = new Poco::JSON::Array;
	owners->add(owner);
	Poco::JSON::Object::Ptr metadata = new Poco::JSON::Object;
	metadata->set("ownerReferences", owners);
	Poco::JSON::Object::Ptr patch = new Poco::JSON::Object;
	patch->set("metadata", metadata);
	std::ostringstream out;
	patch->stringify(out);
	return out.str();
}


std::string SecretSpecBuilder::imageConfig(const Poco::JSON::Object::Ptr& secret)
{
	Poco::JSON::Object::Ptr data = secret ? secret->getObject("data") : nullptr;
	if (!data || !data->has(JobNaming::CONFIG_KEY) || !data->get(JobNaming::CONFIG_KEY).isString())
		throw Poco::NotFoundException(std::string("Secret has no key ") + JobNaming::CONFIG_KEY);
	std::istringstream encoded(data->getValue<std::string>(JobNaming::CONFIG_KEY));
	Poco::Base64Decoder decoder(encoded);
	std::string decoded;
	Poco::StreamCopier::copyToString(decoder, decoded);
	// The decoder reports bad input through badbit, not an exception.
	if (decoder.bad()) throw Poco::DataFormatException(std::string("key ") + JobNaming::CONFIG_KEY + " of the Secret is not valid base64");
	return decoded;
}

} } // namespace sbomop::jobimage
