//
// ObjectValidator.cpp
//

#include "kubesim/ObjectValidator.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "sbomop/kube/LabelValidation.h"

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;
using sbomop::kube::LabelValidation;

namespace sbomop {
namespace kubesim {

namespace
{
	const std::string SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
		"and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
		"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
	const std::string LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
		"and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
		"'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
	const std::string CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
		"(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
	const std::string IMMUTABLE_MSG = "field is immutable when `immutable` is set";

	bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
	bool isAlnum(char c) { return isLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

	bool isDnsLabel(const std::string& s)
	{
		if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back())) return false;
		for (char c: s) if (!isLowerAlnum(c) && c != '-') return false;
		return true;
	}

	bool isDnsSubdomain(const std::string& s)
	{
		if (s.empty()) return false;
		std::size_t start = 0;
		for (;;)
		{
			std::size_t dot = s.find('.', start);
			if (!isDnsLabel(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) return false;
			if (dot == std::string::npos) return true;
			start = dot + 1;
		}
	}

	bool isConfigKey(const std::string& s)
	{
		if (s.empty()) return false;
		for (char c: s) if (!isAlnum(c) && c != '-' && c != '_' && c != '.') return false;
		return true;
	}

	void add(std::vector<FieldCause>& causes, const std::string& type, const std::string& field, const std::string& detail)
	{
		causes.push_back({type, StatusError::causeBody(type, detail), field});
	}

	void required(std::vector<FieldCause>& causes, const std::string& field, const std::string& detail = "")
	{
		add(causes, "FieldValueRequired", field, detail);
	}

	void invalid(std::vector<FieldCause>& causes, const std::string& field, const std::string& value, const std::string& detail)
	{
		add(causes, "FieldValueInvalid", field, detail.empty() ? value : value + ": " + detail);
	}

	void forbidden(std::vector<FieldCause>& causes, const std::string& field, const std::string& detail)
	{
		add(causes, "FieldValueForbidden", field, detail);
	}

	Var field(const Object::Ptr& object, const std::string& key)
	{
		return object && object->has(key) ? object->get(key) : Var();
	}
}

std::string ObjectValidator::nameError(const std::string& name, bool label)
{
	const std::size_t limit = label ? 63 : 253;
	if (name.size() > limit) return "must be no more than " + std::to_string(limit) + " characters";
	if (label ? !isDnsLabel(name) : !isDnsSubdomain(name)) return label ? LABEL_MSG : SUBDOMAIN_MSG;
	return "";
}

void ObjectValidator::validate(const ResourceInfo& resource, const Object::Ptr& object, const Object::Ptr& old)
{
	std::vector<FieldCause> causes;
	validateMetadata(resource, object, causes);
	if (resource.kind == "Secret") validateSecret(object, old, causes);
	else if (resource.kind == "ConfigMap") validateConfigMap(object, old, causes);
	else if (resource.kind == "Pod") validatePodSpec(Json::object(object, "spec"), "spec", causes);
	else if (resource.kind == "Job") validateJob(object, causes);
	else if (resource.kind == "Lease") validateLease(object, causes);
	if (!causes.empty()) throw StatusError::invalid(resource, Json::string(Json::object(object, "metadata"), "name"), causes);
}

void ObjectValidator::validateMetadata(const ResourceInfo& resource, const Object::Ptr& object, std::vector<FieldCause>& causes)
{
	Object::Ptr metadata = Json::object(object, "metadata");
	const std::string name = Json::string(metadata, "name");
	if (name.empty())
	{
		required(causes, "metadata.name", "name or generateName is required");
	}
	else
	{
		std::string error = nameError(name, resource.kind == "Namespace");
		if (!error.empty()) invalid(causes, "metadata.name", StatusError::quote(name), error);
	}
	for (const auto& label: Json::stringMap(metadata, "labels"))
	{
		for (const auto& error: LabelValidation::keyErrors(label.first)) invalid(causes, "metadata.labels", StatusError::quote(label.first), error);
		for (const auto& error: LabelValidation::valueErrors(label.second)) invalid(causes, "metadata.labels", StatusError::quote(label.second), error);
	}
	std::size_t annotationBytes = 0;
	for (const auto& annotation: Json::stringMap(metadata, "annotations"))
	{
		for (const auto& error: LabelValidation::keyErrors(annotation.first)) invalid(causes, "metadata.annotations", StatusError::quote(annotation.first), error);
		annotationBytes += annotation.first.size() + annotation.second.size();
	}
	if (annotationBytes > MAX_ANNOTATION_BYTES)
		add(causes, "FieldValueTooLong", "metadata.annotations", "must have at most " + std::to_string(MAX_ANNOTATION_BYTES) + " bytes");

	Array::Ptr owners = Json::array(metadata, "ownerReferences");
	int controllers = 0;
	for (unsigned i = 0; owners && i < owners->size(); ++i)
	{
		Object::Ptr owner = owners->getObject(i);
		const std::string path = "metadata.ownerReferences";
		if (Json::string(owner, "apiVersion").empty()) invalid(causes, path + ".apiVersion", "\"\"", "version must not be empty");
		if (Json::string(owner, "kind").empty()) invalid(causes, path + ".kind", "\"\"", "kind must not be empty");
		if (Json::string(owner, "name").empty()) invalid(causes, path + ".name", "\"\"", "name must not be empty");
		if (Json::string(owner, "uid").empty()) invalid(causes, path + ".uid", "\"\"", "uid must not be empty");
		if (Json::string(owner, "controller") == "true") ++controllers;
	}
	if (controllers > 1)
		invalid(causes, "metadata.ownerReferences", Json::stringify(owners), "Only one reference can have Controller set to true");
}

void ObjectValidator::validateSecret(const Object::Ptr& object, const Object::Ptr& old, std::vector<FieldCause>& causes)
{
	std::size_t total = 0;
	std::map<std::string, std::string> decoded;
	for (const auto& entry: Json::stringMap(object, "data"))
	{
		if (!isConfigKey(entry.first) || entry.first.size() > 253) invalid(causes, "data[" + entry.first + "]", StatusError::quote(entry.first), CONFIG_KEY_MSG);
		std::string bytes;
		std::string error;
		if (!Base64::decode(entry.second, bytes, error))
			throw StatusError::badRequest("Secret in version \"v1\" cannot be handled as a Secret: " + error);
		total += bytes.size();
		decoded[entry.first] = bytes;
	}
	if (total > MAX_DATA_BYTES) add(causes, "FieldValueTooLong", "data", "must have at most " + std::to_string(MAX_DATA_BYTES) + " bytes");

	const std::string type = Json::string(object, "type");
	auto requireKey = [&](const std::string& key)
	{
		if (!decoded.count(key)) required(causes, "data[" + key + "]");
	};
	auto requireJson = [&](const std::string& key)
	{
		requireKey(key);
		if (!decoded.count(key)) return;
		try
		{
			Json::parse(decoded[key]);
		}
		catch (Poco::Exception& e)
		{
			invalid(causes, "data[" + key + "]", "\"<secret contents redacted>\"", e.message());
		}
	};
	if (type == "kubernetes.io/dockerconfigjson") requireJson(".dockerconfigjson");
	else if (type == "kubernetes.io/dockercfg") requireJson(".dockercfg");
	else if (type == "kubernetes.io/tls") { requireKey("tls.crt"); requireKey("tls.key"); }
	else if (type == "kubernetes.io/ssh-auth") requireKey("ssh-privatekey");
	else if (type == "kubernetes.io/service-account-token")
	{
		if (Json::string(Json::object(Json::object(object, "metadata"), "annotations"), "kubernetes.io/service-account.name").empty())
			required(causes, "metadata.annotations[kubernetes.io/service-account.name]");
	}

	if (old)
	{
		const std::string oldType = Json::string(old, "type");
		if (oldType != type) invalid(causes, "type", StatusError::quote(type), "field is immutable");
		if (Json::string(old, "immutable") == "true")
		{
			if (!Json::equals(field(old, "data"), field(object, "data"))) forbidden(causes, "data", IMMUTABLE_MSG);
			if (Json::string(object, "immutable") != "true") forbidden(causes, "immutable", IMMUTABLE_MSG);
		}
	}
}

void ObjectValidator::validateConfigMap(const Object::Ptr& object, const Object::Ptr& old, std::vector<FieldCause>& causes)
{
	std::size_t total = 0;
	auto data = Json::stringMap(object, "data");
	for (const auto& entry: data)
	{
		if (!isConfigKey(entry.first) || entry.first.size() > 253) invalid(causes, "data[" + entry.first + "]", StatusError::quote(entry.first), CONFIG_KEY_MSG);
		total += entry.second.size();
	}
	for (const auto& entry: Json::stringMap(object, "binaryData"))
	{
		if (!isConfigKey(entry.first) || entry.first.size() > 253) invalid(causes, "binaryData[" + entry.first + "]", StatusError::quote(entry.first), CONFIG_KEY_MSG);
		if (data.count(entry.first)) invalid(causes, "data[" + entry.first + "]", StatusError::quote(entry.first), "duplicate of key present in binaryData");
		std::string bytes;
		std::string error;
		if (!Base64::decode(entry.second, bytes, error))
			throw StatusError::badRequest("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: " + error);
		total += bytes.size();
	}
	if (total > MAX_DATA_BYTES) add(causes, "FieldValueTooLong", "[]", "must have at most " + std::to_string(MAX_DATA_BYTES) + " bytes");

	if (old && Json::string(old, "immutable") == "true")
	{
		if (!Json::equals(field(old, "data"), field(object, "data"))) forbidden(causes, "data", IMMUTABLE_MSG);
		if (!Json::equals(field(old, "binaryData"), field(object, "binaryData"))) forbidden(causes, "binaryData", IMMUTABLE_MSG);
		if (Json::string(object, "immutable") != "true") forbidden(causes, "immutable", IMMUTABLE_MSG);
	}
}

void ObjectValidator::validatePodSpec(const Object::Ptr& spec, const std::string& path, std::vector<FieldCause>& causes)
{
	Array::Ptr containers = Json::array(spec, "containers");
	if (!containers || containers->size() == 0)
	{
		required(causes, path + ".containers");
		return;
	}
	for (unsigned i = 0; i < containers->size(); ++i)
	{
		Object::Ptr container = containers->getObject(i);
		const std::string prefix = path + ".containers[" + std::to_string(i) + "]";
		const std::string name = Json::string(container, "name");
		if (name.empty()) required(causes, prefix + ".name");
		else if (!nameError(name, true).empty()) invalid(causes, prefix + ".name", StatusError::quote(name), nameError(name, true));
		if (Json::string(container, "image").empty()) required(causes, prefix + ".image");
	}
}

void ObjectValidator::validateJob(const Object::Ptr& object, std::vector<FieldCause>& causes)
{
	Object::Ptr podSpec = Json::object(Json::object(Json::object(object, "spec"), "template"), "spec");
	validatePodSpec(podSpec, "spec.template.spec", causes);
	const std::string policy = Json::string(podSpec, "restartPolicy");
	const std::string field = "spec.template.spec.restartPolicy";
	if (policy.empty()) required(causes, field, "valid values: \"OnFailure\", \"Never\"");
	else if (policy != "OnFailure" && policy != "Never")
		add(causes, "FieldValueNotSupported", field, StatusError::quote(policy) + ": supported values: \"OnFailure\", \"Never\"");
}

void ObjectValidator::validateLease(const Object::Ptr& object, std::vector<FieldCause>& causes)
{
	Object::Ptr spec = Json::object(object, "spec");
	Var duration = field(spec, "leaseDurationSeconds");
	if (Json::isNumber(duration) && duration.convert<Poco::Int64>() <= 0)
		invalid(causes, "spec.leaseDurationSeconds", duration.convert<std::string>(), "must be greater than 0");
	Var transitions = field(spec, "leaseTransitions");
	if (Json::isNumber(transitions) && transitions.convert<Poco::Int64>() < 0)
		invalid(causes, "spec.leaseTransitions", transitions.convert<std::string>(), "must be greater than or equal to 0");
}

} } // namespace sbomop::kubesim
