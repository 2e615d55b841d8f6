#include <iostream>
int main() { std::cout << "sbom-operator" << std::endl; return 0; }
