// Runs JUnit 4 test classes given by name and prints the closing line CI reads:
// "N passed, N failed". Exits 1 if any test failed.
package app.mend.tests

import org.junit.runner.JUnitCore
import org.junit.runner.notification.Failure
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val classes = args.map { Class.forName(it) }.toTypedArray()
    val result = JUnitCore.runClasses(*classes)
    result.failures.forEach { f: Failure ->
        println("FAIL ${f.testHeader}")
        // The whole message (a UI test's await prints the screen's semantics tree), then where.
        println(f.exception.toString())
        println(f.exception.stackTrace.take(12).joinToString("\n") { "\tat $it" })
    }
    val failed = result.failureCount
    println("${result.runCount - failed} passed, $failed failed")
    exitProcess(if (failed == 0 && result.runCount > 0) 0 else 1)
}
