# syntax=docker/dockerfile:1
#
# sbom-operator: the operator, its built-in plugins (syft, jobimage), the
# shared libraries they load, CA certificates and a pinned Syft release, on a
# distroless runtime (no shell, no package manager), running as UID 65532.
#
#   docker build -t registry.example.com/sbom-operator/sbom-operator:0.1.0 .
#
# Every base image is pinned by digest. The "<pin-me>" digests are
# placeholders, left on purpose because this file was written without access
# to a container registry: the build fails until they are replaced (edit the
# defaults or pass --build-arg). Read a digest with
#   skopeo inspect --format '{{.Digest}}' docker://docker.io/library/debian:12
# (README.md, "Container images"). SYFT_IMAGE is the Syft v1 release the syft
# backend's command line was written against (docs/backends.md).

ARG BUILD_IMAGE=docker.io/library/debian:12@sha256:<pin-me>
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot@sha256:<pin-me>
ARG SYFT_IMAGE=docker.io/anchore/syft:v1.51.0@sha256:<pin-me>

FROM ${SYFT_IMAGE} AS syft

FROM ${BUILD_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config ca-certificates \
      libpoco-dev libssl-dev libyaml-cpp-dev libgit2-dev libbrotli-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSBOMOP_BUILD_TESTS=OFF \
      -DCMAKE_INSTALL_PREFIX=/opt/sbom-operator \
 && cmake --build /build --target sbom-operator sbomop-syft sbomop-jobimage \
 && cmake --install /build --strip \
 && rm -rf /opt/sbom-operator/include /opt/sbom-operator/lib/cmake
# The runtime image has glibc, libstdc++, OpenSSL and CA certificates; stage
# every other shared library the operator and its plugins link (Poco,
# yaml-cpp, libgit2, brotli, ...) under the same paths.
RUN mkdir -p /runtime \
 && for binary in /opt/sbom-operator/bin/sbom-operator /opt/sbom-operator/lib/sbomop/plugins/*.so; do \
      LD_LIBRARY_PATH=/opt/sbom-operator/lib ldd "$binary" | awk '$3 ~ /^\// { print $3 }'; \
    done | sort -u | grep -v '^/opt/sbom-operator/' \
    | grep -Ev '/(libc|libm|libdl|libpthread|librt|libstdc\+\+|libgcc_s|libssl|libcrypto)\.so' \
    | xargs -r cp --parents -L -t /runtime

FROM ${RUNTIME_IMAGE}
COPY --from=build /runtime/ /
COPY --from=build /opt/sbom-operator/ /opt/sbom-operator/
COPY --from=syft /syft /usr/local/bin/syft
ENV PATH=/opt/sbom-operator/bin:/usr/local/bin:/usr/bin:/bin \
    TMPDIR=/tmp
USER 65532:65532
# 8080: health-port (/health, /readyz, /metrics).
EXPOSE 8080
ENTRYPOINT ["/opt/sbom-operator/bin/sbom-operator"]
