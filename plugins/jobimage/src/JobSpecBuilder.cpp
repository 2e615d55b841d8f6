//
// JobSpecBuilder.cpp
//

#include "sbomop/jobimage/JobSpecBuilder.h"
#include "sbomop/jobimage/JobNaming.h"
#include <Poco/JSON/Array.h>

namespace sbomop {
namespace jobimage {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace
{
	Object::Ptr orderedObject()
	{
		return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
	}

	Object::Ptr named(const std::string& name)
	{
		Object::Ptr object = orderedObject();
		object->set("name", name);
		return object;
	}

	Array::Ptr single(const Object::Ptr& item)
	{
		Array::Ptr array = new Array;
		array->add(item);
		return array;
	}

	Object::Ptr restrictedContainerSecurity()
	{
		Object::Ptr capabilities = orderedObject();
		Array::Ptr drop = new Array;
		drop->add("ALL");
		capabilities->set("drop", drop);
		Object::Ptr security = orderedObject();
		security->set("allowPrivilegeEscalation", false);
		security->set("capabilities", capabilities);
		return security;
	}
}


JobSpecBuilder::JobSpecBuilder(const JobSettings& settings, const JobEnvironment& environment):
	_settings(settings),
	_environment(environment)
{
}


Object::Ptr JobSpecBuilder::build(const std::string& ns, const std::string& cycleId) const
{
	Object::Ptr metadata = orderedObject();
	metadata->set("name", JobNaming::jobName(cycleId));
	metadata->set("namespace", ns);
	metadata->set("labels", JobNaming::labels(JobNaming::JOB_COMPONENT, cycleId));
	if (_environment.hasOwnerPod()) metadata->set("ownerReferences", single(_environment.ownerPodReference()));

	Object::Ptr templateMetadata = orderedObject();
	templateMetadata->set("labels", JobNaming::labels(JobNaming::JOB_COMPONENT, cycleId));
	Object::Ptr podTemplate = orderedObject();
	podTemplate->set("metadata", templateMetadata);
	podTemplate->set("spec", podSpec(cycleId));

	Object::Ptr spec = orderedObject();
	spec->set("backoffLimit", 0);
	spec->set("activeDeadlineSeconds", _settings.timeoutSeconds);
	if (_settings.ttlSecondsAfterFinished >= 0) spec->set("ttlSecondsAfterFinished", _settings.ttlSecondsAfterFinished);
	spec->set("template", podTemplate);

	Object::Ptr job = orderedObject();
	job->set("apiVersion", "batch/v1");
	job->set("kind", "Job");
	job->set("metadata", metadata);
	job->set("spec", spec);
	return job;
}


Object::Ptr JobSpecBuilder::podSpec(const std::string& cycleId) const
{
	Object::Ptr secretVolume = orderedObject();
	secretVolume->set("secretName", JobNaming::secretName(cycleId));
	Object::Ptr volume = named(JobNaming::VOLUME_NAME);
	volume->set("secret", secretVolume);

	Object::Ptr spec = orderedObject();
	spec->set("restartPolicy", "Never");
	if (_settings.serviceAccount.empty()) spec->set("automountServiceAccountToken", false);
	else spec->set("serviceAccountName", _settings.serviceAccount);
	if (!_settings.imagePullSecret.empty()) spec->set("imagePullSecrets", single(named(_settings.imagePullSecret)));
	if (_settings.nodeSelector && _settings.nodeSelector->size() > 0) spec->set("nodeSelector", _settings.nodeSelector);
	if (_settings.tolerations && _settings.tolerations->size() > 0) spec->set("tolerations", _settings.tolerations);
	if (!_settings.privileged)
	{
		Object::Ptr seccomp = orderedObject();
		seccomp->set("type", "RuntimeDefault");
		Object::Ptr security = orderedObject();
		security->set("seccompProfile", seccomp);
		spec->set("securityContext", security);
	}
	spec->set("containers", single(container()));
	spec->set("volumes", single(volume));
	return spec;
}


Object::Ptr JobSpecBuilder::container() const
{
	Array::Ptr env = new Array;
	for (const auto& variable: _environment.variables())
	{
		Object::Ptr entry = named(variable.first);
		entry->set("value", variable.second);
		env->add(entry);
	}

	Object::Ptr mount = named(JobNaming::VOLUME_NAME);
	mount->set("mountPath", JobNaming::MOUNT_PATH);
	mount->set("readOnly", true);

	Object::Ptr container = named(JobNaming::CONTAINER_NAME);
	container->set("image", _settings.image);
	if (env->size() > 0) container->set("env", env);
	container->set("volumeMounts", single(mount));
	if (_settings.resources && _settings.resources->size() > 0) container->set("resources", _settings.resources);
	if (_settings.privileged)
	{
		Object::Ptr security = orderedObject();
		security->set("privileged", true);
		container->set("securityContext", security);
	}
	else
	{
		container->set("securityContext", restrictedContainerSecurity());
	}
	return container;
}


std::string JobSpecBuilder::secretNameOf(const Object::Ptr& job)
{
	Object::Ptr spec = job ? job->getObject("spec") : nullptr;
	Object::Ptr podTemplate = spec ? spec->getObject("template") : nullptr;
	Object::Ptr podSpec = podTemplate ? podTemplate->getObject("spec") : nullptr;
	Array::Ptr volumes = podSpec ? podSpec->getArray("volumes") : nullptr;
	if (!volumes) return std::string();
	for (std::size_t i = 0; i < volumes->size(); ++i)
	{
		Object::Ptr volume = volumes->getObject(static_cast<unsigned>(i));
		if (!volume || volume->optValue<std::string>("name", "") != JobNaming::VOLUME_NAME) continue;
		Object::Ptr secret = volume->getObject("secret");
		return secret ? secret->optValue<std::string>("secretName", "") : std::string();
	}
	return std::string();
}

} } // namespace sbomop::jobimage
