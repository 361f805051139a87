let x = "world"; n = 5; in "hello ${x}, ${toString n} times, ${"nested ${x}"} \${literal} $x"
