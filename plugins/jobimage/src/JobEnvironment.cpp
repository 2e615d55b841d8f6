//
// JobEnvironment.cpp
//

#include "sbomop/jobimage/JobEnvironment.h"
#include <Poco/RegularExpression.h>
#include <Poco/UTF8Encoding.h>

namespace sbomop {
namespace jobimage {

JobEnvironment::JobEnvironment() = default;


JobEnvironment::JobEnvironment(const std::map<std::string, std::string>& environment)
{
	const std::string prefix(PREFIX);
	for (const auto& variable: environment)
	{
		const std::string& name = variable.first;
		if (name.compare(0, prefix.size(), prefix) != 0) continue;
		const std::string jobName = name.substr(prefix.size());
		if (!isValidName(jobName) || !isValidUtf8(variable.second))
		{
			_skipped.push_back(name);
			continue;
		}
		_variables.emplace_back(jobName, variable.second);
	}
	auto podName = environment.find("POD_NAME");
	auto podUid = environment.find("POD_UID");
	if (podName != environment.end() && podUid != environment.end() && !podName->second.empty() && !podUid->second.empty())
	{
		_podName = podName->second;
		_podUid = podUid->second;
	}
}


const JobEnvironment::Variables& JobEnvironment::variables() const
{
	return _variables;
}


const std::vector<std::string>& JobEnvironment::skipped() const
{
	return _skipped;
}


bool JobEnvironment::hasOwnerPod() const
{
	return !_podUid.empty();
}


Poco::JSON::Object::Ptr JobEnvironment::ownerPodReference() const
{
	if (!hasOwnerPod()) return nullptr;
	Poco::JSON::Object::Ptr reference = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	reference->set("apiVersion", "v1");
	reference->set("kind", "Pod");
	reference->set("name", _podName);
	reference->set("uid", _podUid);
	reference->set("controller", false);
	return reference;
}


bool JobEnvironment::isValidName(const std::string& name)
{
	// k8s.io/apimachinery IsEnvVarName, as enforced up to Kubernetes 1.33.
	static const Poco::RegularExpression NAME("^[-._a-zA-Z][-._a-zA-Z0-9]*$");
	return NAME.match(name);
}


bool JobEnvironment::isValidUtf8(const std::string& text)
{
	const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
	const std::size_t size = text.size();
	std::size_t offset = 0;
	while (offset < size)
	{
		const unsigned char lead = bytes[offset];
		int length = 0;
		if (lead < 0x80) length = 1;
		else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
		else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
		else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
		// isLegal() rejects overlong forms, surrogates and values beyond U+10FFFF.
		if (length == 0 || offset + length > size || !Poco::UTF8Encoding::isLegal(bytes + offset, length)) return false;
		offset += length;
	}
	return true;
}

} } // namespace sbomop::jobimage
