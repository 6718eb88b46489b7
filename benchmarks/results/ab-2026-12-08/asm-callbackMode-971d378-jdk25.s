Compiled method (c2) 319  705       4       org.contextlib4j.benchmarks.GeneratorBenchmark::callbackMode (20 bytes)

/tmp/tmpxbrv3190.bin:     file format binary


Disassembly of section .data:

00007f9793efa980 <.data>:
    7f9793efa980:	66 90                	xchg   %ax,%ax
    7f9793efa982:	44 8b 56 08          	mov    0x8(%rsi),%r10d
    7f9793efa986:	44 3b 50 08          	cmp    0x8(%rax),%r10d
    7f9793efa98a:	0f 85 50 bc a8 ff    	jne    0x7f97939865e0
    7f9793efa990:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7f9793efa997:	55                   	push   %rbp
    7f9793efa998:	48 83 ec 30          	sub    $0x30,%rsp
    7f9793efa99c:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7f9793efa9a3:	00 
    7f9793efa9a4:	0f 85 10 01 00 00    	jne    0x7f9793efaaba
    7f9793efa9aa:	4c 8b d6             	mov    %rsi,%r10
    7f9793efa9ad:	49 bb 3c a9 1c ac 97 	movabs $0x7f97ac1ca93c,%r11
    7f9793efa9b4:	7f 00 00 
    7f9793efa9b7:	45 8b 0b             	mov    (%r11),%r9d
    7f9793efa9ba:	45 85 c9             	test   %r9d,%r9d
    7f9793efa9bd:	75 75                	jne    0x7f9793efaa34
    7f9793efa9bf:	49 b8 18 34 bd 9e 06 	movabs $0x69ebd3418,%r8
    7f9793efa9c6:	00 00 00 
    7f9793efa9c9:	41 0f b6 a8 8c 00 00 	movzbl 0x8c(%r8),%ebp
    7f9793efa9d0:	00 
    7f9793efa9d1:	85 ed                	test   %ebp,%ebp
    7f9793efa9d3:	0f 85 af 00 00 00    	jne    0x7f9793efaa88
    7f9793efa9d9:	45 8b 03             	mov    (%r11),%r8d
    7f9793efa9dc:	45 85 c0             	test   %r8d,%r8d
    7f9793efa9df:	75 6f                	jne    0x7f9793efaa50
    7f9793efa9e1:	45 8b 1b             	mov    (%r11),%r11d
    7f9793efa9e4:	45 85 db             	test   %r11d,%r11d
    7f9793efa9e7:	0f 85 7f 00 00 00    	jne    0x7f9793efaa6c
    7f9793efa9ed:	48 ff 46 18          	incq   0x18(%rsi)
    7f9793efa9f1:	48 85 d2             	test   %rdx,%rdx
        ;   {oop("resource"{0x000000069eb913e0})}
    7f9793efa9f4:	74 1e                	je     0x7f9793efaa14
    7f9793efa9f6:	49 bb e0 13 b9 9e 06 	movabs $0x69eb913e0,%r11
    7f9793efa9fd:	00 00 00 
    7f9793efaa00:	48 ff 46 10          	incq   0x10(%rsi)
    7f9793efaa04:	48 83 c4 30          	add    $0x30,%rsp
        ;   {poll_return}
    7f9793efaa08:	5d                   	pop    %rbp
    7f9793efaa09:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7f9793efaa0d:	0f 87 91 00 00 00    	ja     0x7f9793efaaa4
    7f9793efaa13:	c3                   	ret
    7f9793efaa14:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7f9793efaa19:	4c 89 14 24          	mov    %r10,(%rsp)
    7f9793efaa1d:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f9793efaa22:	4c 89 54 24 10       	mov    %r10,0x10(%rsp)
    7f9793efaa27:	e8 34 b3 b6 ff       	call   0x7f9793a65d60
        ;   {post_call_nop}
    7f9793efaa2c:	0f 1f 84 00 a4 01 00 	nopl   0x1a4(%rax,%rax,1)
    7f9793efaa33:	00 
    7f9793efaa34:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7f9793efaa39:	48 89 14 24          	mov    %rdx,(%rsp)
    7f9793efaa3d:	4c 89 54 24 08       	mov    %r10,0x8(%rsp)
    7f9793efaa42:	90                   	nop
    7f9793efaa43:	e8 18 b3 b6 ff       	call   0x7f9793a65d60
        ;   {post_call_nop}
    7f9793efaa48:	0f 1f 84 00 c0 01 00 	nopl   0x10001c0(%rax,%rax,1)
    7f9793efaa4f:	01 
    7f9793efaa50:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7f9793efaa55:	48 89 14 24          	mov    %rdx,(%rsp)
    7f9793efaa59:	4c 89 54 24 08       	mov    %r10,0x8(%rsp)
    7f9793efaa5e:	90                   	nop
    7f9793efaa5f:	e8 fc b2 b6 ff       	call   0x7f9793a65d60
        ;   {post_call_nop}
    7f9793efaa64:	0f 1f 84 00 dc 01 00 	nopl   0x20001dc(%rax,%rax,1)
    7f9793efaa6b:	02 
    7f9793efaa6c:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7f9793efaa71:	48 89 14 24          	mov    %rdx,(%rsp)
    7f9793efaa75:	4c 89 54 24 08       	mov    %r10,0x8(%rsp)
    7f9793efaa7a:	90                   	nop
    7f9793efaa7b:	e8 e0 b2 b6 ff       	call   0x7f9793a65d60
        ;   {post_call_nop}
    7f9793efaa80:	0f 1f 84 00 f8 01 00 	nopl   0x30001f8(%rax,%rax,1)
    7f9793efaa87:	03 
    7f9793efaa88:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7f9793efaa8d:	48 89 54 24 08       	mov    %rdx,0x8(%rsp)
    7f9793efaa92:	4c 89 54 24 10       	mov    %r10,0x10(%rsp)
    7f9793efaa97:	e8 c4 b2 b6 ff       	call   0x7f9793a65d60
        ;   {post_call_nop}
    7f9793efaa9c:	0f 1f 84 00 14 02 00 	nopl   0x4000214(%rax,%rax,1)
    7f9793efaaa3:	04 
        ;   {internal_word}
    7f9793efaaa4:	49 ba 09 aa ef 93 97 	movabs $0x7f9793efaa09,%r10
    7f9793efaaab:	7f 00 00 
    7f9793efaaae:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7f9793efaab5:	e9 a6 f0 a8 ff       	jmp    0x7f9793989b60
    7f9793efaaba:	e8 01 5b a7 ff       	call   0x7f97939705c0
    7f9793efaabf:	e9 e6 fe ff ff       	jmp    0x7f9793efa9aa
    7f9793efaac4:	f4                   	hlt
    7f9793efaac5:	f4                   	hlt
    7f9793efaac6:	f4                   	hlt
    7f9793efaac7:	f4                   	hlt
        ;   {runtime_call ExceptionBlob}
    7f9793efaac8:	e9 93 b5 b6 ff       	jmp    0x7f9793a66060
    7f9793efaacd:	e8 00 00 00 00       	call   0x7f9793efaad2
    7f9793efaad2:	48 83 2c 24 05       	subq   $0x5,(%rsp)
    7f9793efaad7:	e9 04 d8 a8 ff       	jmp    0x7f97939882e0
    7f9793efaadc:	f4                   	hlt
    7f9793efaadd:	f4                   	hlt
    7f9793efaade:	f4                   	hlt
    7f9793efaadf:	f4                   	hlt

